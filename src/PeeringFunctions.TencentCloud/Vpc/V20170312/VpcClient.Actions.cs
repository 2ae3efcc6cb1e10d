using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

namespace PeeringFunctions.TencentCloud.Vpc.V20170312;

// One method per API action, named like the official SDK.
public sealed partial class VpcClient
{
    /// <summary>Creates a peering request (initiator side). Not idempotent: on an unknown outcome, describe by <c>vpc-id</c> first.</summary>
    public Task<CreateVpcPeeringConnectionResponse> CreateVpcPeeringConnection(CreateVpcPeeringConnectionRequest request, CancellationToken cancellationToken = default) =>
        CallAsync<CreateVpcPeeringConnectionRequest, CreateVpcPeeringConnectionResponse>(nameof(CreateVpcPeeringConnection), request, cancellationToken);

    /// <summary>Accepts a pending peering (receiver side; use the receiver VPC's region).</summary>
    public Task<AcceptVpcPeeringConnectionResponse> AcceptVpcPeeringConnection(AcceptVpcPeeringConnectionRequest request, CancellationToken cancellationToken = default) =>
        CallAsync<AcceptVpcPeeringConnectionRequest, AcceptVpcPeeringConnectionResponse>(nameof(AcceptVpcPeeringConnection), request, cancellationToken);

    /// <summary>Rejects a pending peering (receiver side).</summary>
    public Task<RejectVpcPeeringConnectionResponse> RejectVpcPeeringConnection(RejectVpcPeeringConnectionRequest request, CancellationToken cancellationToken = default) =>
        CallAsync<RejectVpcPeeringConnectionRequest, RejectVpcPeeringConnectionResponse>(nameof(RejectVpcPeeringConnection), request, cancellationToken);

    /// <summary>Deletes a peering (either side).</summary>
    public Task<DeleteVpcPeeringConnectionResponse> DeleteVpcPeeringConnection(DeleteVpcPeeringConnectionRequest request, CancellationToken cancellationToken = default) =>
        CallAsync<DeleteVpcPeeringConnectionRequest, DeleteVpcPeeringConnectionResponse>(nameof(DeleteVpcPeeringConnection), request, cancellationToken);

    /// <summary>Lists peerings; regions in the result are converted to long names.</summary>
    public Task<DescribeVpcPeeringConnectionsResponse> DescribeVpcPeeringConnections(DescribeVpcPeeringConnectionsRequest request, CancellationToken cancellationToken = default) =>
        CallAsync<DescribeVpcPeeringConnectionsRequest, DescribeVpcPeeringConnectionsResponse>(nameof(DescribeVpcPeeringConnections), request, cancellationToken);

    /// <summary>Adds routes to a route table; the response lists only the new routes.</summary>
    public Task<CreateRoutesResponse> CreateRoutes(CreateRoutesRequest request, CancellationToken cancellationToken = default) =>
        CallAsync<CreateRoutesRequest, CreateRoutesResponse>(nameof(CreateRoutes), request, cancellationToken);

    /// <summary>Deletes routes identified by RouteId or RouteItemId.</summary>
    public Task<DeleteRoutesResponse> DeleteRoutes(DeleteRoutesRequest request, CancellationToken cancellationToken = default) =>
        CallAsync<DeleteRoutesRequest, DeleteRoutesResponse>(nameof(DeleteRoutes), request, cancellationToken);

    /// <summary>Lists route tables with their routes and associations.</summary>
    public Task<DescribeRouteTablesResponse> DescribeRouteTables(DescribeRouteTablesRequest request, CancellationToken cancellationToken = default) =>
        CallAsync<DescribeRouteTablesRequest, DescribeRouteTablesResponse>(nameof(DescribeRouteTables), request, cancellationToken);

    /// <summary>Moves a subnet to another route table of the same VPC.</summary>
    public Task<ReplaceRouteTableAssociationResponse> ReplaceRouteTableAssociation(ReplaceRouteTableAssociationRequest request, CancellationToken cancellationToken = default) =>
        CallAsync<ReplaceRouteTableAssociationRequest, ReplaceRouteTableAssociationResponse>(nameof(ReplaceRouteTableAssociation), request, cancellationToken);

    /// <summary>Lists VPCs (including their secondary CIDRs).</summary>
    public Task<DescribeVpcsResponse> DescribeVpcs(DescribeVpcsRequest request, CancellationToken cancellationToken = default) =>
        CallAsync<DescribeVpcsRequest, DescribeVpcsResponse>(nameof(DescribeVpcs), request, cancellationToken);

    /// <summary>Lists subnets with the route table each one is associated with.</summary>
    public Task<DescribeSubnetsResponse> DescribeSubnets(DescribeSubnetsRequest request, CancellationToken cancellationToken = default) =>
        CallAsync<DescribeSubnetsRequest, DescribeSubnetsResponse>(nameof(DescribeSubnets), request, cancellationToken);
}
