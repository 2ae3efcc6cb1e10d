using System.Text.Json.Nodes;
using TencentVpcEmulator.Protocol;
using TencentVpcEmulator.State;

namespace TencentVpcEmulator.Actions;

/// <summary>
/// DeleteVpcPeeringConnection (spec §4.4): either side may tear it down. The record stays listed as DELETED;
/// deleting it again is ResourceNotFound. Routes pointing at it are left in place.
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
        var peering = Lookup.Peering(c, c.Parameters.GetString("PeeringConnectionId"), "PeeringConnectionId");
        if (peering.State == PeeringStates.Deleted)
        {
            throw Lookup.NotFound(peering.PeeringConnectionId, "PeeringConnectionId");
        }

        peering.State = PeeringStates.Deleted;
        peering.StateChangedAt = c.Now;
        return new JsonObject();
    }
}
