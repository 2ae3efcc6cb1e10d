namespace PeeringFunctions.Workflow.Contracts;

/// <summary>How a repair ended: what was done, what was only reported, what failed; in plain words.</summary>
/// <param name="Status">One of <see cref="RepairStatus"/>.</param>
/// <param name="Sides">Per managed side, the routes now in place and removed (for the registry record).</param>
public sealed record RepairOutcome(
    string Status,
    string Kind,
    string PeeringConnectionId,
    string Message,
    IReadOnlyList<string> Done,
    IReadOnlyList<string> Reported,
    IReadOnlyList<string> Problems,
    IReadOnlyList<SideRepairResult> Sides);

/// <param name="CreatedRoutes">Routes this repair created: destination and the RouteItemId Tencent gave it.</param>
/// <param name="RemovedDestinations">Destinations whose route to the peering this repair removed.</param>
/// <param name="Settled">Destinations and subnets now as the repair wanted them (done by it, or found so).</param>
public sealed record SideRepairResult(
    string Side, IReadOnlyList<CreatedRoute> CreatedRoutes, IReadOnlyList<string> RemovedDestinations, IReadOnlyList<string> Settled);

public sealed record CreatedRoute(string DestinationCidrBlock, string? RouteItemId);

public static class RepairStatus
{
    /// <summary>Everything it set out to do is done (findings only reported stay reported).</summary>
    public const string Repaired = "Repaired";

    /// <summary>Some step failed or was left alone; <see cref="RepairOutcome.Problems"/> says which.</summary>
    public const string Failed = "Failed";

    /// <summary>Pre-flight refused the new routes (overlap, quota): nothing was changed.</summary>
    public const string Refused = "Refused";
}
