using System.Text.Json.Nodes;
using TencentVpcEmulator.Protocol;
using TencentVpcEmulator.State;

namespace TencentVpcEmulator.Actions;

/// <summary>
/// DeleteVpcPeeringConnection (spec §4.4): either side may tear it down; an account that is neither side gets
/// VpcPeerPurviewError ("this account cannot perform the operation"). The record stays listed as DELETED;
/// deleting it again is ResourceNotFound. Tencent's docs say deleting a peering deletes the route entries that use it
/// on both sides; <see cref="EmulatorOptions.DeletePeeringRemovesRoutes"/> (on by default) does that. While an
/// accepted peering is being activated it cannot be deleted (MutexOperationTaskRunning).
/// </summary>
internal sealed class DeleteVpcPeeringConnection : ActionHandler
{
    public override string Name => "DeleteVpcPeeringConnection";

    public override bool IsWrite => true;

    public override int RateLimitPerSecond => 20;

    public override ParameterSchema Schema { get; } = new ParameterSchema()
        .Required("PeeringConnectionId", ParamType.String);

    public override JsonObject Execute(ActionContext c)
    {
        RefuseStrangers(c, c.Parameters.GetString("PeeringConnectionId"));
        var peering = Lookup.Peering(c, c.Parameters.GetString("PeeringConnectionId"), "PeeringConnectionId");
        if (peering.State == PeeringStates.Deleted)
        {
            throw Lookup.NotFound(peering.PeeringConnectionId, "PeeringConnectionId");
        }

        if (peering.IsActivating)
        {
            // Delete's documented code for a resource whose mutually exclusive task (here: the activation) still runs.
            throw new ApiException(ErrorCodes.UnsupportedOperationMutexOperationTaskRunning,
                $"The peering connection `{peering.PeeringConnectionId}` is being activated; delete it when that task has finished.");
        }

        peering.State = PeeringStates.Deleted;
        peering.StateChangedAt = c.Now;
        if (c.Options.DeletePeeringRemovesRoutes)
        {
            foreach (var table in c.Store.RouteTables.Values)
            {
                table.Routes.RemoveAll(r => r.GatewayType == GatewayTypes.PeerConnection && r.GatewayId == peering.PeeringConnectionId);
            }
        }

        return new JsonObject();
    }

    /// <summary>
    /// A live peering exists, but the caller's account is neither side: Tencent documents VpcPeerPurviewError for
    /// Delete and is silent on when; we answer it here, before the visibility check that would say ResourceNotFound.
    /// </summary>
    private static void RefuseStrangers(ActionContext c, string? id)
    {
        IdFormat.Require(IdFormat.Peering, id, "PeeringConnectionId");
        if (c.Store.PeeringsById.TryGetValue(id!, out var peering) && peering.State != PeeringStates.Deleted && !peering.IsPartyTo(c.Caller))
        {
            throw new ApiException(ErrorCodes.UnsupportedOperationVpcPeerPurviewError,
                $"This account cannot perform this operation on `{peering.PeeringConnectionId}`: only the two sides of a peering may delete it.");
        }
    }
}
