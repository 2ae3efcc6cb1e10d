using System.Text.Json.Nodes;
using TencentVpcEmulator.Protocol;
using TencentVpcEmulator.State;

namespace TencentVpcEmulator.Actions;

/// <summary>
/// ModifyVpcPeeringConnection (spec §4.5): rename a PENDING or ACTIVE peering, or change the bandwidth cap and charge
/// type of a cross-region one. Every refusal uses a code of the action's documented list (the same list as Create's).
/// </summary>
internal sealed class ModifyVpcPeeringConnection : ActionHandler
{
    /// <summary>Tencent's cap on a cross-region peering: 5 Gbps (Use Limits, doc 553/18830).</summary>
    public const long MaxBandwidthMbps = 5000;

    private const int MaxNameLength = 60;

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

        if (!PeeringStates.IsLive(peering.State))
        {
            throw new ApiException(ErrorCodes.UnsupportedOperation,
                $"The peering connection `{peering.PeeringConnectionId}` is {peering.State}; only a PENDING or ACTIVE one can be modified.");
        }

        var name = p.GetString("PeeringConnectionName") is { } n ? ValidName(n) : null;
        var bandwidth = p.GetLong("Bandwidth");
        var chargeType = p.GetString("ChargeType");
        if (bandwidth is not null || chargeType is not null)
        {
            CheckBillingChange(c, peering, bandwidth, chargeType);
        }

        peering.Name = name ?? peering.Name;
        peering.Bandwidth = bandwidth ?? peering.Bandwidth;
        peering.ChargeType = chargeType ?? peering.ChargeType;
        return new JsonObject();
    }

    /// <summary>
    /// Bandwidth and charge type are the cross-region peering's bill, which the initiator pays: an intra-region peering
    /// has neither (no cap, free), and the receiver cannot change what the initiator is billed.
    /// </summary>
    private static void CheckBillingChange(ActionContext c, PeeringRecord peering, long? bandwidth, string? chargeType)
    {
        var changed = bandwidth is not null ? "Bandwidth" : "ChargeType";
        if (peering.Source.Region == peering.Destination.Region)
        {
            throw new ApiException(ErrorCodes.InvalidParameterValueCombination,
                $"`{changed}` cannot be set on `{peering.PeeringConnectionId}`: an intra-region peering has no bandwidth cap and is not billed.");
        }

        if (peering.Source.Owner.Uin != c.Caller.Uin || peering.Source.Region != c.Region)
        {
            throw new ApiException(ErrorCodes.UnsupportedOperation,
                $"Only the initiator of `{peering.PeeringConnectionId}`, who is billed for it, can change its `{changed}`.");
        }

        if (bandwidth is < 1 or > MaxBandwidthMbps)
        {
            throw new ApiException(ErrorCodes.InvalidParameterValue,
                $"The value `{bandwidth}` of parameter `Bandwidth` must be between 1 and {MaxBandwidthMbps} Mbps.");
        }

        if (chargeType is not null && !ChargeTypes.Contains(chargeType))
        {
            throw new ApiException(ErrorCodes.InvalidParameterValue,
                $"The value `{chargeType}` of parameter `ChargeType` is not one of {string.Join(", ", ChargeTypes)}.");
        }
    }

    /// <summary>Modify's error list has no TooLong: a name over the limit is a plain InvalidParameterValue here.</summary>
    private static string ValidName(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ApiException(ErrorCodes.InvalidParameterValueEmpty, "The parameter `PeeringConnectionName` must not be empty.");
        }

        if (name.Length > MaxNameLength)
        {
            throw new ApiException(ErrorCodes.InvalidParameterValue, $"The parameter `PeeringConnectionName` is longer than {MaxNameLength} characters.");
        }

        return name;
    }
}
