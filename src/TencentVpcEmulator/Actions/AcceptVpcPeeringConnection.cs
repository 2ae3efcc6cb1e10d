using System.Text.Json.Nodes;
using TencentVpcEmulator.Protocol;
using TencentVpcEmulator.State;

namespace TencentVpcEmulator.Actions;

/// <summary>AcceptVpcPeeringConnection (spec §4.2): the receiver accepts a PENDING request → ACTIVE, at once or after an activation delay.</summary>
internal sealed class AcceptVpcPeeringConnection : ActionHandler
{
    public override string Name => "AcceptVpcPeeringConnection";

    public override bool IsWrite => true;

    public override int RateLimitPerSecond => 20;

    public override ParameterSchema Schema { get; } = new ParameterSchema()
        .Required("PeeringConnectionId", ParamType.String);

    public override JsonObject Execute(ActionContext context)
    {
        PeeringTransitions.Accept(context);
        return new JsonObject();
    }
}
