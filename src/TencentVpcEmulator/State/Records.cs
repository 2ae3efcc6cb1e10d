namespace TencentVpcEmulator.State;

// Mutable in-memory records. They are only touched while holding VpcStore.Gate.

internal sealed record AccountRecord(string Name, long Uin, long AppId, string SecretId, string SecretKey, IReadOnlySet<string> Tokens);

internal sealed class VpcRecord
{
    public required string VpcId { get; init; }

    public required string VpcName { get; init; }

    public required AccountRecord Owner { get; init; }

    public required string Region { get; init; }

    public required string CidrBlock { get; init; }

    /// <summary>Secondary CIDRs; replaced as a whole (under the store lock) when the control API adds or removes one.</summary>
    public required IReadOnlyList<string> AssistantCidrs { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Its subnets, in seed order (reads name a VPC, and the world holds thousands of subnets).</summary>
    public List<SubnetRecord> Subnets { get; } = [];

    /// <summary>Its route tables, in seed order.</summary>
    public List<RouteTableRecord> RouteTables { get; } = [];

    /// <summary>Primary plus assistant (secondary) CIDRs: the whole address space peers can reach.</summary>
    public IEnumerable<string> AllCidrs => AssistantCidrs.Prepend(CidrBlock);
}

internal sealed class SubnetRecord
{
    public required string SubnetId { get; init; }

    public required string SubnetName { get; init; }

    public required VpcRecord Vpc { get; init; }

    public required string CidrBlock { get; init; }

    public required string Zone { get; init; }

    public required string RouteTableId { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }
}

internal sealed class RouteTableRecord
{
    public required string RouteTableId { get; init; }

    public required string RouteTableName { get; init; }

    public required VpcRecord Vpc { get; init; }

    public required bool Main { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public List<RouteRecord> Routes { get; } = [];

    /// <summary>RouteId is an increasing integer per table and never reused.</summary>
    public long NextRouteId { get; set; } = 1;
}

internal sealed class RouteRecord
{
    public required long RouteId { get; init; }

    public required string RouteItemId { get; init; }

    public required string RouteTableId { get; init; }

    public required string DestinationCidrBlock { get; init; }

    public required string GatewayType { get; init; }

    public required string GatewayId { get; init; }

    public required string RouteDescription { get; init; }

    /// <summary>EnableRoutes/DisableRoutes switch it; everything else about a route is replaced whole (ReplaceRoutes).</summary>
    public required bool Enabled { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }

    public string RouteType => "USER";
}

internal static class PeeringStates
{
    public const string Pending = "PENDING";
    public const string Active = "ACTIVE";
    public const string Rejected = "REJECTED";
    public const string Deleted = "DELETED";
    public const string Expired = "EXPIRED";
    public const string Failed = "FAILED";

    /// <summary>States that hold a VPC pair, count toward the per-VPC limit and take part in CIDR checks.</summary>
    public static bool IsLive(string state) => state is Pending or Active;
}

internal sealed class PeeringRecord
{
    public required string PeeringConnectionId { get; init; }

    public required string Name { get; set; }

    /// <summary>The initiator's VPC; Source* fields stay the initiator's for both accounts.</summary>
    public required VpcRecord Source { get; init; }

    public required VpcRecord Destination { get; init; }

    public required string State { get; set; }

    public required long Bandwidth { get; set; }

    public required string ChargeType { get; set; }

    public required string QosLevel { get; init; }

    public required string Type { get; init; }

    public required IReadOnlyList<KeyValuePair<string, string>> Tags { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset StateChangedAt { get; set; }

    /// <summary>Set while an accepted peering is being activated (still PENDING): when it turns ACTIVE, or FAILED.</summary>
    public DateTimeOffset? ActivationDueAt { get; set; }

    /// <summary>The activation under way ends FAILED (injected through the control API).</summary>
    public bool ActivationFails { get; set; }

    /// <summary>Accepted, and its activation task still running: it reads PENDING, but nobody may answer or delete it.</summary>
    public bool IsActivating => State == PeeringStates.Pending && ActivationDueAt is not null;

    /// <summary>Creation order, used for stable paging.</summary>
    public required long Sequence { get; init; }

    public bool Involves(VpcRecord vpc) => ReferenceEquals(Source, vpc) || ReferenceEquals(Destination, vpc);

    public VpcRecord OtherEnd(VpcRecord vpc) => ReferenceEquals(Source, vpc) ? Destination : Source;

    /// <summary>The initiator's or the receiver's account: the only ones that may act on it.</summary>
    public bool IsPartyTo(AccountRecord account) => Source.Owner.Uin == account.Uin || Destination.Owner.Uin == account.Uin;

    /// <summary>The initiator sees it in the source region, the receiver in the destination region.</summary>
    public bool IsVisibleTo(AccountRecord caller, string region) =>
        (Source.Owner.Uin == caller.Uin && Source.Region == region)
        || (Destination.Owner.Uin == caller.Uin && Destination.Region == region);
}
