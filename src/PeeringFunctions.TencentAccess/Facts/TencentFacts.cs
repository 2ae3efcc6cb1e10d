using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

namespace PeeringFunctions.TencentAccess.Facts;

// The parts of Tencent's answers the app decides on, as plain records (TencentMapping makes them from Tencent's
// models). The read activities return them, so they are persisted in orchestration history: they stay small, carry no
// secrets, and their property names (the JSON in history) do not change.

public sealed record VpcFacts(string VpcId, string CidrBlock, IReadOnlyList<string> AssistantCidrs)
{
    public IEnumerable<string> AllCidrs => AssistantCidrs.Prepend(CidrBlock);
}

public sealed record RouteFacts(
    string? RouteItemId,
    ulong? RouteId,
    string DestinationCidrBlock,
    string GatewayType,
    string GatewayId,
    bool Enabled,
    string? RouteType)
{
    /// <summary>Whether this route's next hop is the peering connection <paramref name="peeringConnectionId"/> (a method, so it is not persisted).</summary>
    public bool IsVia(string? peeringConnectionId) => GatewayType == GatewayTypes.PeerConnection && GatewayId == peeringConnectionId;

    /// <summary>Whether this route's next hop is any peering connection.</summary>
    public bool IsViaAPeering() => GatewayType == GatewayTypes.PeerConnection;
}

public sealed record RouteTableFacts(
    string RouteTableId,
    bool Main,
    IReadOnlyList<string> AssociatedSubnetIds,
    IReadOnlyList<RouteFacts> Routes);

/// <summary>A subnet and the one route table it is associated with.</summary>
public sealed record SubnetFacts(string SubnetId, string VpcId, string RouteTableId);

/// <param name="DestinationVpcId">Empty when Tencent names no peer VPC: it describes a cross-account request that is
/// still PENDING without PeerVpcId and DestinationVpcId (see <see cref="NamesNoPeerVpc"/>).</param>
/// <param name="Bandwidth">The cross-region bandwidth cap in Mbps (0 or null intra-region); null in histories written before it was read.</param>
/// <param name="SourceRegion">Long region name of the initiator's side; null in histories written before it was read.</param>
/// <param name="DestinationRegion">Long region name of the receiver's side; null in histories written before it was read.</param>
public sealed record PeeringFacts(
    string PeeringConnectionId,
    string Name,
    string SourceVpcId,
    string DestinationVpcId,
    string State,
    long? SourceUin,
    long? DestinationUin,
    long? Bandwidth = null,
    string? SourceRegion = null,
    string? DestinationRegion = null)
{
    /// <summary>Both ends are named and are these two VPCs. A peering that names no peer VPC never joins by this test.</summary>
    public bool Joins(string vpcA, string vpcB) =>
        !NamesNoPeerVpc() && ((SourceVpcId == vpcA && DestinationVpcId == vpcB) || (SourceVpcId == vpcB && DestinationVpcId == vpcA));

    /// <summary>Tencent did not say which VPC this request is for (a method, so it is not persisted).</summary>
    public bool NamesNoPeerVpc() => DestinationVpcId.Length == 0;

    /// <summary>PENDING or ACTIVE: the states in which Tencent refuses a second peering of the same pair.</summary>
    public bool IsLive => State is PeeringConnectionStates.Pending or PeeringConnectionStates.Active;

    /// <summary>Both ends in one region (a method, so it is not persisted); false while either region is unknown.</summary>
    public bool IsIntraRegion() => SourceRegion is not null && SourceRegion == DestinationRegion;
}
