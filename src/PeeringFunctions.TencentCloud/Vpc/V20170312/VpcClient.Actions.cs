using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

namespace PeeringFunctions.TencentCloud.Vpc.V20170312;

// One method per API action, named like the official SDK (documented on IVpcClient).
public sealed partial class VpcClient
{
    /// <inheritdoc />
    public Task<CreateVpcPeeringConnectionResponse> CreateVpcPeeringConnection(CreateVpcPeeringConnectionRequest request, CancellationToken cancellationToken = default) =>
        CallAsync<CreateVpcPeeringConnectionRequest, CreateVpcPeeringConnectionResponse>(nameof(CreateVpcPeeringConnection), request, cancellationToken);

    /// <inheritdoc />
    public Task<AcceptVpcPeeringConnectionResponse> AcceptVpcPeeringConnection(AcceptVpcPeeringConnectionRequest request, CancellationToken cancellationToken = default) =>
        CallAsync<AcceptVpcPeeringConnectionRequest, AcceptVpcPeeringConnectionResponse>(nameof(AcceptVpcPeeringConnection), request, cancellationToken);

    /// <inheritdoc />
    public Task<RejectVpcPeeringConnectionResponse> RejectVpcPeeringConnection(RejectVpcPeeringConnectionRequest request, CancellationToken cancellationToken = default) =>
        CallAsync<RejectVpcPeeringConnectionRequest, RejectVpcPeeringConnectionResponse>(nameof(RejectVpcPeeringConnection), request, cancellationToken);

    /// <inheritdoc />
    public Task<DeleteVpcPeeringConnectionResponse> DeleteVpcPeeringConnection(DeleteVpcPeeringConnectionRequest request, CancellationToken cancellationToken = default) =>
        CallAsync<DeleteVpcPeeringConnectionRequest, DeleteVpcPeeringConnectionResponse>(nameof(DeleteVpcPeeringConnection), request, cancellationToken);

    /// <inheritdoc />
    public Task<ModifyVpcPeeringConnectionResponse> ModifyVpcPeeringConnection(ModifyVpcPeeringConnectionRequest request, CancellationToken cancellationToken = default) =>
        CallAsync<ModifyVpcPeeringConnectionRequest, ModifyVpcPeeringConnectionResponse>(nameof(ModifyVpcPeeringConnection), request, cancellationToken);

    /// <inheritdoc />
    public Task<DescribeVpcPeeringConnectionsResponse> DescribeVpcPeeringConnections(DescribeVpcPeeringConnectionsRequest request, CancellationToken cancellationToken = default) =>
        CallAsync<DescribeVpcPeeringConnectionsRequest, DescribeVpcPeeringConnectionsResponse>(nameof(DescribeVpcPeeringConnections), request, cancellationToken);

    /// <inheritdoc />
    public Task<CreateRoutesResponse> CreateRoutes(CreateRoutesRequest request, CancellationToken cancellationToken = default) =>
        CallAsync<CreateRoutesRequest, CreateRoutesResponse>(nameof(CreateRoutes), request, cancellationToken);

    /// <inheritdoc />
    public Task<DeleteRoutesResponse> DeleteRoutes(DeleteRoutesRequest request, CancellationToken cancellationToken = default) =>
        CallAsync<DeleteRoutesRequest, DeleteRoutesResponse>(nameof(DeleteRoutes), request, cancellationToken);

    /// <inheritdoc />
    public Task<ReplaceRoutesResponse> ReplaceRoutes(ReplaceRoutesRequest request, CancellationToken cancellationToken = default) =>
        CallAsync<ReplaceRoutesRequest, ReplaceRoutesResponse>(nameof(ReplaceRoutes), request, cancellationToken);

    /// <inheritdoc />
    public Task<EnableRoutesResponse> EnableRoutes(EnableRoutesRequest request, CancellationToken cancellationToken = default) =>
        CallAsync<EnableRoutesRequest, EnableRoutesResponse>(nameof(EnableRoutes), request, cancellationToken);

    /// <inheritdoc />
    public Task<DisableRoutesResponse> DisableRoutes(DisableRoutesRequest request, CancellationToken cancellationToken = default) =>
        CallAsync<DisableRoutesRequest, DisableRoutesResponse>(nameof(DisableRoutes), request, cancellationToken);

    /// <inheritdoc />
    public Task<DescribeRouteTablesResponse> DescribeRouteTables(DescribeRouteTablesRequest request, CancellationToken cancellationToken = default) =>
        CallAsync<DescribeRouteTablesRequest, DescribeRouteTablesResponse>(nameof(DescribeRouteTables), request, cancellationToken);

    /// <inheritdoc />
    public Task<ReplaceRouteTableAssociationResponse> ReplaceRouteTableAssociation(ReplaceRouteTableAssociationRequest request, CancellationToken cancellationToken = default) =>
        CallAsync<ReplaceRouteTableAssociationRequest, ReplaceRouteTableAssociationResponse>(nameof(ReplaceRouteTableAssociation), request, cancellationToken);

    /// <inheritdoc />
    public Task<DescribeVpcsResponse> DescribeVpcs(DescribeVpcsRequest request, CancellationToken cancellationToken = default) =>
        CallAsync<DescribeVpcsRequest, DescribeVpcsResponse>(nameof(DescribeVpcs), request, cancellationToken);

    /// <inheritdoc />
    public Task<DescribeSubnetsResponse> DescribeSubnets(DescribeSubnetsRequest request, CancellationToken cancellationToken = default) =>
        CallAsync<DescribeSubnetsRequest, DescribeSubnetsResponse>(nameof(DescribeSubnets), request, cancellationToken);
}
