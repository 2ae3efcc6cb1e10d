using PeeringFunctions.TencentAccess.Facts;

namespace PeeringFunctions.TencentAccess.Batched;

/// <summary>
/// What one (account, region) sees of the peerings and VPCs asked about, each keyed by its id. A peering or VPC absent
/// here was asked about and is not visible (deleted, or never the account's).
/// </summary>
/// <param name="Calls">Tencent calls made to read this, by action.</param>
public sealed record GroupFacts(
    string Account,
    string Region,
    IReadOnlyDictionary<string, PeeringFacts> Peerings,
    IReadOnlyDictionary<string, VpcFacts> Vpcs,
    IReadOnlyDictionary<string, RouteTableFacts> RouteTables,
    IReadOnlyDictionary<string, SubnetFacts> Subnets,
    IReadOnlyDictionary<string, int> Calls);
