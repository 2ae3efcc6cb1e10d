using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

namespace PeeringFunctions.TencentCloud.Vpc.V20170312;

/// <summary>
/// The VPC actions, one method per action as the official SDK names them. Callers above the client (the access layer,
/// activities, portal, poller) depend on this, so another implementation (the official SDK behind an adapter, a fake)
/// can stand in for <see cref="VpcClient"/>.
/// </summary>
public interface IVpcClient
{
    /// <summary>Creates a peering request (initiator side). Not idempotent: on an unknown outcome, describe by <c>vpc-id</c> first.</summary>
    Task<CreateVpcPeeringConnectionResponse> CreateVpcPeeringConnection(CreateVpcPeeringConnectionRequest request, CancellationToken cancellationToken = default);

    /// <summary>Accepts a pending peering (receiver side; use the receiver VPC's region).</summary>
    Task<AcceptVpcPeeringConnectionResponse> AcceptVpcPeeringConnection(AcceptVpcPeeringConnectionRequest request, CancellationToken cancellationToken = default);

    /// <summary>Rejects a pending peering (receiver side).</summary>
    Task<RejectVpcPeeringConnectionResponse> RejectVpcPeeringConnection(RejectVpcPeeringConnectionRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes a peering (either side).</summary>
    Task<DeleteVpcPeeringConnectionResponse> DeleteVpcPeeringConnection(DeleteVpcPeeringConnectionRequest request, CancellationToken cancellationToken = default);

    /// <summary>Renames a peering or changes its bandwidth cap or charge type; read it back to see the change.</summary>
    Task<ModifyVpcPeeringConnectionResponse> ModifyVpcPeeringConnection(ModifyVpcPeeringConnectionRequest request, CancellationToken cancellationToken = default);

    /// <summary>Lists peerings; regions in the result are converted to long names.</summary>
    Task<DescribeVpcPeeringConnectionsResponse> DescribeVpcPeeringConnections(DescribeVpcPeeringConnectionsRequest request, CancellationToken cancellationToken = default);

    /// <summary>Adds routes to a route table; the response lists only the new routes.</summary>
    Task<CreateRoutesResponse> CreateRoutes(CreateRoutesRequest request, CancellationToken cancellationToken = default);

    /// <summary>Deletes routes identified by RouteId or RouteItemId.</summary>
    Task<DeleteRoutesResponse> DeleteRoutes(DeleteRoutesRequest request, CancellationToken cancellationToken = default);

    /// <summary>Rewrites existing routes in place (destination, next hop, description), keeping their ids.</summary>
    Task<ReplaceRoutesResponse> ReplaceRoutes(ReplaceRoutesRequest request, CancellationToken cancellationToken = default);

    /// <summary>Turns disabled routes back on.</summary>
    Task<EnableRoutesResponse> EnableRoutes(EnableRoutesRequest request, CancellationToken cancellationToken = default);

    /// <summary>Turns routes off without deleting them.</summary>
    Task<DisableRoutesResponse> DisableRoutes(DisableRoutesRequest request, CancellationToken cancellationToken = default);

    /// <summary>Lists route tables with their routes and associations.</summary>
    Task<DescribeRouteTablesResponse> DescribeRouteTables(DescribeRouteTablesRequest request, CancellationToken cancellationToken = default);

    /// <summary>Moves a subnet to another route table of the same VPC.</summary>
    Task<ReplaceRouteTableAssociationResponse> ReplaceRouteTableAssociation(ReplaceRouteTableAssociationRequest request, CancellationToken cancellationToken = default);

    /// <summary>Lists VPCs (including their secondary CIDRs).</summary>
    Task<DescribeVpcsResponse> DescribeVpcs(DescribeVpcsRequest request, CancellationToken cancellationToken = default);

    /// <summary>Lists subnets with the route table each one is associated with.</summary>
    Task<DescribeSubnetsResponse> DescribeSubnets(DescribeSubnetsRequest request, CancellationToken cancellationToken = default);
}
