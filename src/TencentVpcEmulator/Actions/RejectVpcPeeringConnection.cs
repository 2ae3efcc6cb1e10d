using System.Text.Json.Nodes;
using TencentVpcEmulator.Protocol;
using TencentVpcEmulator.State;

namespace TencentVpcEmulator.Actions;

/// <summary>RejectVpcPeeringConnection (spec §4.3): the receiver rejects a PENDING request → REJECTED.</summary>
internal sealed class RejectVpcPeeringConnection : ActionHandler
{
    public override string Name => "RejectVpcPeeringConnection";

    public override bool IsWrite => true;

    public override int RateLimitPerSecond => 20;

    public override ParameterSchema Schema { get; } = new ParameterSchema()
        .Required("PeeringConnectionId", ParamType.String);

    public override JsonObject Execute(ActionContext context)
    {
        PeeringTransitions.Reject(context);
        return new JsonObject();
    }
}
