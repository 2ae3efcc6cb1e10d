namespace PeeringFunctions.Peerings.Stuck;

/// <summary>What one stuck check did.</summary>
/// <param name="Running">The running instances of ours it looked at.</param>
/// <param name="Reported">Instances newly reported stuck by this tick ("id: step").</param>
/// <param name="StillStuck">Instances reported before and still in that step: not reported again.</param>
/// <param name="Forgotten">Marks of instances no longer running, removed.</param>
public sealed record StuckCheckReport(int Running, IReadOnlyList<string> Reported, IReadOnlyList<string> StillStuck, int Forgotten);
