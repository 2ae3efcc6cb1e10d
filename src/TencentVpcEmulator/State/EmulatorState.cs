namespace TencentVpcEmulator;

/// <summary>
/// A point-in-time copy of the whole emulated world (GET /_emulator/state). Accounts never carry secret keys.
/// Regions are long names here (ap-guangzhou), unlike DescribeVpcPeeringConnections' short codes.
/// </summary>
public sealed record EmulatorState(
    DateTimeOffset Now,
    IReadOnlyList<AccountState> Accounts,
    IReadOnlyList<VpcState> Vpcs,
    IReadOnlyList<SubnetState> Subnets,
    IReadOnlyList<RouteTableState> RouteTables,
    IReadOnlyList<PeeringState> Peerings)
{
    public PeeringState? Peering(string peeringConnectionId) =>
        Peerings.FirstOrDefault(p => p.PeeringConnectionId == peeringConnectionId);

    public RouteTableState? RouteTable(string routeTableId) =>
        RouteTables.FirstOrDefault(t => t.RouteTableId == routeTableId);

    public SubnetState? Subnet(string subnetId) => Subnets.FirstOrDefault(s => s.SubnetId == subnetId);
}

public sealed record AccountState(string Name, long Uin, long AppId, string SecretId);

public sealed record VpcState(string VpcId, string VpcName, string Account, long Uin, string Region, string CidrBlock, IReadOnlyList<string> AssistantCidrs);

public sealed record SubnetState(string SubnetId, string SubnetName, string VpcId, string CidrBlock, string Zone, string RouteTableId);

public sealed record RouteTableState(
    string RouteTableId,
    string RouteTableName,
    string VpcId,
    bool Main,
    IReadOnlyList<string> AssociatedSubnetIds,
    IReadOnlyList<RouteState> Routes);

public sealed record RouteState(
    long RouteId,
    string RouteItemId,
    string DestinationCidrBlock,
    string GatewayType,
    string GatewayId,
    string RouteDescription,
    bool Enabled,
    string RouteType,
    DateTimeOffset CreatedAt);

public sealed record TagState(string Key, string Value);

public sealed record PeeringState(
    string PeeringConnectionId,
    string Name,
    string State,
    string SourceVpcId,
    string SourceAccount,
    long SourceUin,
    string SourceRegion,
    string DestinationVpcId,
    string DestinationAccount,
    long DestinationUin,
    string DestinationRegion,
    long Bandwidth,
    string ChargeType,
    string QosLevel,
    string Type,
    IReadOnlyList<TagState> Tags,
    DateTimeOffset CreatedAt,
    DateTimeOffset StateChangedAt);
