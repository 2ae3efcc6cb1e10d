namespace PeeringFunctions.Portal.Network;

/// <summary>A VPC as the pages show it: identifiers and address ranges, never a credential.</summary>
public sealed record VpcInfo(string Account, string Region, string VpcId, string? Name, string CidrBlock, IReadOnlyList<string> AssistantCidrs)
{
    public IReadOnlyList<string> AllCidrs => [CidrBlock, .. AssistantCidrs];
}

public sealed record RouteTableInfo(string RouteTableId, string? Name, bool Main, IReadOnlyList<string> SubnetIds, IReadOnlyList<RouteInfo> Routes);

public sealed record RouteInfo(string Destination, string GatewayType, string GatewayId, bool Enabled);

public sealed record SubnetInfo(string SubnetId, string? Name, string CidrBlock, string? Zone, string? RouteTableId);

/// <summary>One VPC of an account with what a request needs to name: its route tables and subnets.</summary>
public sealed record VpcInventory(VpcInfo Vpc, IReadOnlyList<RouteTableInfo> RouteTables, IReadOnlyList<SubnetInfo> Subnets);

/// <summary>What the app can see of its managed accounts, and which reads failed (by Tencent's error code only).</summary>
public sealed record Inventory(IReadOnlyList<AccountInfo> Accounts, IReadOnlyList<VpcInventory> Vpcs, IReadOnlyList<string> Problems)
{
    public VpcInventory? Find(string account, string region, string vpcId) =>
        Vpcs.FirstOrDefault(v => string.Equals(v.Vpc.Account, account, StringComparison.OrdinalIgnoreCase)
            && v.Vpc.Region == region && v.Vpc.VpcId == vpcId);
}

public sealed record AccountInfo(string Alias, string? Uin);

/// <summary>
/// The real state of one side of a peering, read from Tencent for the picture: the VPC, the route table the
/// request names (or the main one), the routes it has through the peering, and where the request's subnets point.
/// </summary>
/// <param name="Problem">Why the side could not be read (Tencent's error code), or null.</param>
public sealed record SideState(
    string Role,
    string? Account,
    string? Uin,
    string Region,
    string VpcId,
    VpcInfo? Vpc,
    string? RouteTableId,
    IReadOnlyList<PlannedRoute> Routes,
    IReadOnlyList<SubnetPlacement> Subnets,
    bool External,
    string? Problem);

/// <summary>A route the peering gives this side: <see cref="Present"/> once Tencent shows it via the pcx.</summary>
public sealed record PlannedRoute(string Destination, string NextHop, bool Present, bool Enabled);

/// <summary>A subnet the request moves to the route table: <see cref="InPlace"/> once it is associated there.</summary>
public sealed record SubnetPlacement(string SubnetId, string? CidrBlock, string? CurrentRouteTableId, bool InPlace);

/// <param name="PeeringState">Tencent's state of the peering connection (PENDING, ACTIVE, …), or null before it exists.</param>
public sealed record NetworkState(SideState Initiator, SideState Receiver, string? PeeringConnectionId, string? PeeringState);
