using Microsoft.DurableTask.Client;
using PeeringFunctions.Registry;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Peerings;

/// <summary>
/// The status document of a peering the registry holds without its orchestration history (purged, or adopted: made
/// elsewhere): what the record says, and what its teardown, if one ran since, is doing.
/// </summary>
public static class RegisteredPeeringView
{
    public static PeeringView From(RegisteredPeering record, OrchestrationMetadata? teardown) => new(
        record.Id,
        record.Name,
        teardown is { IsRunning: true } ? LifecycleStates.TearingDown : record.State,
        OrchestrationRuntimeStatus.Completed.ToString(),
        Step: null,
        record.PeeringConnectionId,
        Side(record.Initiator),
        Side(record.Receiver),
        AcceptanceDeadline: null,
        record.Message,
        Outcome: null,
        teardown is null ? null : TeardownView.From(teardown),
        record.UpdatedAt,
        teardown?.LastUpdatedAt ?? record.UpdatedAt,
        new Dictionary<string, string> { ["self"] = HttpRoutes.PathOf(HttpRoutes.Peering, record.Id) },
        Bandwidth: null,
        record.Origin,
        record.RepairPolicy);

    private static PeeringSideView Side(RegisteredSide side) => new(
        side.Account, side.Uin, side.Region, side.VpcId, side.RouteTableId, [.. side.AssociationChanges.Select(a => a.SubnetId)], Progress: null);
}
