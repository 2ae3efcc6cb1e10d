using PeeringFunctions.TencentAccess.Facts;

namespace PeeringFunctions.Workflow.Activities;

// Activity inputs name the account by alias; the activity resolves credentials itself (never in history).

public sealed record VpcTarget(string Account, string Region, string VpcId);

/// <param name="PeeringConnectionId">Empty when the id never came back (a create whose reply was lost): then the
/// peering is found by its VPC pair, <paramref name="SourceVpcId"/> and <paramref name="DestinationVpcId"/>.</param>
public sealed record PeeringTarget(
    string Account, string Region, string PeeringConnectionId, string? SourceVpcId = null, string? DestinationVpcId = null);

public sealed record PeeringLookup(string Account, string Region, string? VpcId = null, string? PeeringConnectionId = null);

public sealed record CreatePeeringInput(
    string Account,
    string Region,
    string SourceVpcId,
    string Name,
    string DestinationVpcId,
    string DestinationUin,
    string DestinationRegion,
    long? BandwidthMbps,
    string? ChargeType);

public sealed record CreateRoutesInput(
    string Account,
    string Region,
    string RouteTableId,
    string PeeringConnectionId,
    IReadOnlyList<string> Destinations,
    string Description);

/// <param name="KeepRouteItemIds">Routes via the peering that existed before this run and must survive.</param>
public sealed record DeleteRoutesInput(
    string Account,
    string Region,
    string RouteTableId,
    string PeeringConnectionId,
    IReadOnlyList<string> KeepRouteItemIds);

public sealed record AssociateSubnetInput(string Account, string Region, string SubnetId, string RouteTableId);

public sealed record NotifyReceiverInput(
    string InstanceId,
    string PeeringConnectionId,
    string Name,
    string? ReceiverAccount,
    string? ReceiverUin,
    string InitiatorAccount,
    DateTime AcceptanceDeadline);

public sealed record CreateRoutesResult(string RouteTableId, IReadOnlyList<RouteFacts> Created, IReadOnlyList<RouteFacts> AlreadyPresent);

public sealed record ModifyPeeringInput(string Account, string Region, string PeeringConnectionId, long BandwidthMbps);

/// <param name="Destinations">The destinations whose disabled routes to the peering are to be enabled.</param>
public sealed record EnableRoutesInput(
    string Account,
    string Region,
    string RouteTableId,
    string PeeringConnectionId,
    IReadOnlyList<string> Destinations);
