using System.Text.Json.Nodes;
using TencentVpcEmulator.Protocol;
using TencentVpcEmulator.State;

namespace TencentVpcEmulator.Actions;

/// <summary>
/// CreateVpcPeeringConnection (spec §4.1, §8): source VPC is the caller's in X-TC-Region; the destination VPC must be
/// owned by DestinationUin in DestinationRegion. Cross-account → PENDING, same account → ACTIVE (configurable).
/// </summary>
internal sealed class CreateVpcPeeringConnection : ActionHandler
{
    private const int MaxNameLength = 60;

    private static readonly HashSet<string> Types = ["VPC_PEER", "VPC_BM_PEER"];
    private static readonly HashSet<string> ChargeTypes = ["POSTPAID_BY_DAY_MAX", "POSTPAID_BY_MONTH_95"];
    private static readonly HashSet<string> QosLevels = ["PT", "AU", "AG"];

    public override string Name => "CreateVpcPeeringConnection";

    public override bool IsWrite => true;

    public override int RateLimitPerSecond => 20;

    public override ParameterSchema Schema { get; } = new ParameterSchema()
        .Required("SourceVpcId", ParamType.String)
        .Required("PeeringConnectionName", ParamType.String)
        .Required("DestinationVpcId", ParamType.String)
        .Required("DestinationUin", ParamType.String)
        .Required("DestinationRegion", ParamType.String)
        .Optional("Bandwidth", ParamType.Integer)
        .Optional("Type", ParamType.String)
        .Optional("ChargeType", ParamType.String)
        .Optional("QosLevel", ParamType.String)
        .Optional("Tags", ParamType.ObjectArray);

    public override JsonObject Execute(ActionContext c)
    {
        var p = c.Parameters;
        var name = ValidateName(p.GetString("PeeringConnectionName")!);
        var sourceId = p.GetString("SourceVpcId");
        var destinationId = p.GetString("DestinationVpcId");
        IdFormat.Require(IdFormat.Vpc, sourceId, "SourceVpcId");
        IdFormat.Require(IdFormat.Vpc, destinationId, "DestinationVpcId");

        var destinationRegion = p.GetString("DestinationRegion")!;
        if (!RegionCodes.IsKnown(destinationRegion))
        {
            throw new ApiException(ErrorCodes.InvalidParameterValue, $"The value `{destinationRegion}` of parameter `DestinationRegion` is not a valid region.");
        }

        var uinText = p.GetString("DestinationUin")!;
        if (!long.TryParse(uinText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var destinationUin))
        {
            throw new ApiException(ErrorCodes.InvalidParameterValue, $"The value `{uinText}` of parameter `DestinationUin` is not an account UIN.");
        }

        var bandwidth = PeeringBandwidth.Effective(p.GetLong("Bandwidth"), destinationRegion != c.Region, c.Options);

        var type = OneOf(p.GetString("Type"), Types, "Type") ?? "VPC_PEER";

        // The official examples show POSTPAID_BY_DAY_MAX when none was asked for, even within a region.
        var chargeType = OneOf(p.GetString("ChargeType"), ChargeTypes, "ChargeType") ?? "POSTPAID_BY_DAY_MAX";
        var qosLevel = OneOf(p.GetString("QosLevel"), QosLevels, "QosLevel") ?? "";
        var tags = ReadTags(p.GetArray("Tags"), c.Errors);

        var source = Lookup.Vpc(c, sourceId, "SourceVpcId");
        if (!c.Store.Vpcs.TryGetValue(destinationId!, out var destination)
            || destination.Owner.Uin != destinationUin
            || destination.Region != destinationRegion)
        {
            throw Lookup.NotFound(destinationId!, "DestinationVpcId");
        }

        if (ReferenceEquals(source, destination))
        {
            throw new ApiException(ErrorCodes.InvalidParameterValue, "A VPC cannot be peered with itself: `SourceVpcId` equals `DestinationVpcId`.");
        }

        // Every check below is about peerings with the source or the destination at one end: their own lists suffice.
        var liveOfSource = LiveOf(c.Store, source);
        var liveOfDestination = LiveOf(c.Store, destination);
        if (liveOfSource.Any(x => x.Involves(destination)))
        {
            throw new ApiException(ErrorCodes.UnsupportedOperationVpcPeerAlreadyExist,
                $"A peering connection between `{source.VpcId}` and `{destination.VpcId}` already exists.");
        }

        if (FirstOverlap(source, destination) is { } clash)
        {
            throw new ApiException(ErrorCodes.UnsupportedOperationVpcPeerCidrConflict,
                $"The CIDR {clash.Mine} of `{source.VpcId}` overlaps the CIDR {clash.Theirs} of `{destination.VpcId}`.");
        }

        CheckExistingPeers(source, destination, liveOfSource);
        CheckExistingPeers(destination, source, liveOfDestination);

        // "有效的对等个数超过配额上限": the live (valid) peerings of a VPC, at either end, over its quota.
        var quota = c.Options.MaxLivePeeringsPerVpc;
        foreach (var (vpc, live) in new[] { (source, liveOfSource), (destination, liveOfDestination) })
        {
            if (live.Count >= quota)
            {
                throw new ApiException(ErrorCodes.LimitExceededVpcPeerAvaLimitExceeded,
                    $"`{vpc.VpcId}` already has {quota} live peering connections, its quota.");
            }
        }

        var sameAccount = destination.Owner.Uin == c.Caller.Uin;
        var peering = new PeeringRecord
        {
            PeeringConnectionId = c.Store.NewId(IdFormat.Peering),
            Name = name,
            Source = source,
            Destination = destination,
            State = sameAccount && !c.Options.SameAccountPeeringNeedsAcceptance ? PeeringStates.Active : PeeringStates.Pending,
            Bandwidth = bandwidth,
            ChargeType = chargeType,
            QosLevel = qosLevel,
            Type = type,
            Tags = tags,
            CreatedAt = c.Now,
            StateChangedAt = c.Now,
            Sequence = c.Store.NextPeeringSequence(),
        };
        c.Store.AddPeering(peering);

        return new JsonObject { ["PeeringConnectionId"] = peering.PeeringConnectionId };
    }

    internal static string ValidateName(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ApiException(ErrorCodes.InvalidParameterValueEmpty, "The parameter `PeeringConnectionName` must not be empty.");
        }

        if (name.Length > MaxNameLength)
        {
            // Create's and Modify's lists have no TooLong: the generic InvalidParameterValue is what they document.
            throw new ApiException(ErrorCodes.InvalidParameterValue, $"The parameter `PeeringConnectionName` is longer than {MaxNameLength} characters.");
        }

        return name;
    }

    internal static string? OneOf(string? value, HashSet<string> allowed, string parameter)
    {
        if (value is not null && !allowed.Contains(value))
        {
            throw new ApiException(ErrorCodes.InvalidParameterValue,
                $"The value `{value}` of parameter `{parameter}` is not one of {string.Join(", ", allowed)}.");
        }

        return value;
    }

    /// <summary>The live (PENDING or ACTIVE) peerings with <paramref name="vpc"/> at either end, in creation order.</summary>
    private static List<PeeringRecord> LiveOf(VpcStore store, VpcRecord vpc) =>
        [.. store.PeeringsOf(vpc).Where(x => PeeringStates.IsLive(x.State))];

    /// <summary>The new peer must not overlap the far end of any live peering of this VPC (UnauthorizedOperation).</summary>
    private static void CheckExistingPeers(VpcRecord vpc, VpcRecord newPeer, List<PeeringRecord> liveOfVpc)
    {
        foreach (var existing in liveOfVpc)
        {
            var otherEnd = existing.OtherEnd(vpc);
            if (FirstOverlap(newPeer, otherEnd) is { } clash)
            {
                throw new ApiException(ErrorCodes.UnauthorizedOperationVpcPeerCidrConflict,
                    $"The CIDR {clash.Mine} of `{newPeer.VpcId}` conflicts with {clash.Theirs} of `{otherEnd.VpcId}`, " +
                    $"the other end of the existing peering connection `{existing.PeeringConnectionId}` of `{vpc.VpcId}`.");
            }
        }
    }

    /// <summary>Primary and assistant CIDRs both count.</summary>
    private static (string Mine, string Theirs)? FirstOverlap(VpcRecord a, VpcRecord b)
    {
        foreach (var mine in a.AllCidrs)
        {
            foreach (var theirs in b.AllCidrs)
            {
                if (Cidr.Overlaps(mine, theirs))
                {
                    return (mine, theirs);
                }
            }
        }

        return null;
    }

    private static List<KeyValuePair<string, string>> ReadTags(JsonArray? tags, ActionErrors errors)
    {
        var result = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < (tags?.Count ?? 0); i++)
        {
            var tag = (JsonObject)tags![i]!;
            foreach (var (field, _) in tag)
            {
                if (field is not ("Key" or "Value"))
                {
                    throw RequestParameters.Unknown(errors, $"Tags.{i}.{field}");
                }
            }

            var key = RequestParameters.ReadString(tag, "Key", $"Tags.{i}", errors) ?? throw RequestParameters.Missing(errors, $"Tags.{i}.Key");
            result.Add(new(key, RequestParameters.ReadString(tag, "Value", $"Tags.{i}", errors) ?? ""));
        }

        return result;
    }
}
