using System.Text.Json.Nodes;
using TencentVpcEmulator.Protocol;
using TencentVpcEmulator.State;

namespace TencentVpcEmulator.Actions;

/// <summary>ModifyVpcPeeringConnection (spec §4.5): rename, or change Bandwidth / ChargeType, of a visible, not-deleted peering.</summary>
internal sealed class ModifyVpcPeeringConnection : ActionHandler
{
    private static readonly HashSet<string> ChargeTypes = ["POSTPAID_BY_DAY_MAX", "POSTPAID_BY_MONTH_95"];

    public override string Name => "ModifyVpcPeeringConnection";

    public override bool IsWrite => true;

    public override int RateLimitPerSecond => 20;

    public override ParameterSchema Schema { get; } = new ParameterSchema()
        .Required("PeeringConnectionId", ParamType.String)
        .Optional("PeeringConnectionName", ParamType.String)
        .Optional("Bandwidth", ParamType.Integer)
        .Optional("ChargeType", ParamType.String);

    public override JsonObject Execute(ActionContext c)
    {
        var p = c.Parameters;
        var peering = Lookup.Peering(c, p.GetString("PeeringConnectionId"), "PeeringConnectionId");
        if (peering.State == PeeringStates.Deleted)
        {
            throw Lookup.NotFound(peering.PeeringConnectionId, "PeeringConnectionId");
        }

        var name = p.GetString("PeeringConnectionName") is { } n ? CreateVpcPeeringConnection.ValidateName(n) : null;
        var bandwidth = p.GetLong("Bandwidth");
        if (bandwidth is < 0)
        {
            // Modify's list (Create's) has no Range.
            throw new ApiException(ErrorCodes.InvalidParameterValue, "The value of parameter `Bandwidth` must not be negative.");
        }

        var chargeType = CreateVpcPeeringConnection.OneOf(p.GetString("ChargeType"), ChargeTypes, "ChargeType");

        peering.Name = name ?? peering.Name;
        peering.Bandwidth = bandwidth ?? peering.Bandwidth;
        peering.ChargeType = chargeType ?? peering.ChargeType;
        return new JsonObject();
    }
}
