using Microsoft.DurableTask.Client;
using PeeringFunctions.Registry;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Peerings;

/// <summary>
/// The status document of a peering whose orchestration history is gone (purged) but whose registry record remains:
/// what the record says (with its health), and what its teardown, if one ran since, is doing. Also the view of an
/// adopted peering, which never had an orchestration.
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
        Health: record.Health ?? PeeringHealth.Unchecked,
        Origin: record.Origin,
        RepairPolicy: record.RepairPolicy,
        RequestedBy: record.RequestedBy,
        ApprovedBy: record.ApprovedBy);

    private static PeeringSideView Side(RegisteredSide side) => new(
        side.Account, side.Uin, side.Region, side.VpcId, side.RouteTableId, [.. side.AssociationChanges.Select(a => a.SubnetId)], Progress: null);
}
