using Microsoft.DurableTask;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using PeeringFunctions.Registry.Audit;
using PeeringFunctions.TencentAccess.Accounts;
using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.Vpc.V20170312;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using PeeringFunctions.Workflow.Activities;
using PeeringFunctions.Workflow.Auditing;

namespace PeeringFunctions.Workflow.Tests.Activities;

/// <summary>ModifyPeeringActivity is read-check-write: it writes only when Tencent shows another bandwidth.</summary>
public sealed class ModifyPeeringActivityTests
{
    private static readonly ModifyPeeringInput ToThreeHundred = new("alpha", "ap-guangzhou", "pcx-ab12cd34", 300);

    private readonly Mock<IVpcClient> vpc = new(MockBehavior.Strict);
    private readonly ModifyPeeringActivity activity;
    private readonly InMemoryAuditTrail audit = new();

    public ModifyPeeringActivityTests()
    {
        var clients = new Mock<ITencentClientFactory>();
        clients.Setup(c => c.Create("alpha", "ap-guangzhou")).Returns(vpc.Object);
        activity = new ModifyPeeringActivity(clients.Object, new AuditWriter(audit, TimeProvider.System, NullLogger<AuditWriter>.Instance));
    }

    private void TencentShows(params PeerConnection[] peerings) =>
        vpc.Setup(v => v.DescribeVpcPeeringConnections(It.IsAny<DescribeVpcPeeringConnectionsRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DescribeVpcPeeringConnectionsResponse { TotalCount = peerings.Length, PeerConnectionSet = peerings });

    private Task<bool> RunAsync() => activity.RunAsync(Mock.Of<TaskActivityContext>(), ToThreeHundred);

    [Fact]
    public async Task A_peering_at_another_bandwidth_is_modified_to_the_wanted_one()
    {
        TencentShows(new PeerConnection { PeeringConnectionId = "pcx-ab12cd34", State = "ACTIVE", Bandwidth = 100 });
        ModifyVpcPeeringConnectionRequest? sent = null;
        vpc.Setup(v => v.ModifyVpcPeeringConnection(It.IsAny<ModifyVpcPeeringConnectionRequest>(), It.IsAny<CancellationToken>()))
            .Callback((ModifyVpcPeeringConnectionRequest r, CancellationToken _) => sent = r)
            .ReturnsAsync(new ModifyVpcPeeringConnectionResponse());

        Assert.True(await RunAsync());

        Assert.Equal(("pcx-ab12cd34", 300L), (sent?.PeeringConnectionId, sent?.Bandwidth));
        Assert.Null(sent!.PeeringConnectionName);
        Assert.Null(sent.ChargeType);
    }

    [Fact]
    public async Task A_modified_bandwidth_goes_into_the_peerings_audit_trail_with_tencents_request_id()
    {
        TencentShows(new PeerConnection { PeeringConnectionId = "pcx-ab12cd34", State = "ACTIVE", Bandwidth = 100 });
        vpc.Setup(v => v.ModifyVpcPeeringConnection(It.IsAny<ModifyVpcPeeringConnectionRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ModifyVpcPeeringConnectionResponse { RequestId = "req-modify-1" });
        var change = Mock.Of<TaskActivityContext>(c => c.InstanceId == "bandwidth-peering-vpc-a-vpc-b");

        await activity.RunAsync(change, ToThreeHundred);

        // Filed under the peering the bandwidth change belongs to.
        var entry = Assert.Single(await audit.ListAsync("peering-vpc-a-vpc-b"));
        Assert.Equal((AuditKinds.TencentWrite, "alpha", AuditChannels.Tencent, "req-modify-1"), (entry.Kind, entry.Actor, entry.Channel, entry.RequestId));
        Assert.Contains("ModifyVpcPeeringConnection", entry.Summary, StringComparison.Ordinal);
        Assert.Contains("from 100 to 300 Mbps", entry.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_write_tencent_refuses_goes_into_the_audit_trail_with_its_error_code()
    {
        TencentShows(new PeerConnection { PeeringConnectionId = "pcx-ab12cd34", State = "ACTIVE", Bandwidth = 100 });
        vpc.Setup(v => v.ModifyVpcPeeringConnection(It.IsAny<ModifyVpcPeeringConnectionRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TencentCloudSDKException(TencentErrorCodes.RequestLimitExceeded, "Too many requests.", "req-refused-1", action: "ModifyVpcPeeringConnection"));

        await Assert.ThrowsAsync<TransientTencentCallException>(() =>
            activity.RunAsync(Mock.Of<TaskActivityContext>(c => c.InstanceId == "bandwidth-peering-vpc-a-vpc-b"), ToThreeHundred));

        var entry = Assert.Single(await audit.ListAsync("peering-vpc-a-vpc-b"));
        Assert.Equal((AuditKinds.TencentWriteFailed, "req-refused-1"), (entry.Kind, entry.RequestId));
        Assert.Contains(TencentErrorCodes.RequestLimitExceeded, entry.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_peering_already_at_the_wanted_bandwidth_is_not_written_again()
    {
        TencentShows(new PeerConnection { PeeringConnectionId = "pcx-ab12cd34", State = "ACTIVE", Bandwidth = 300 });

        Assert.False(await RunAsync());

        vpc.Verify(v => v.ModifyVpcPeeringConnection(It.IsAny<ModifyVpcPeeringConnectionRequest>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_peering_tencent_does_not_show_fails_for_good_without_a_write()
    {
        TencentShows();

        var failure = await Assert.ThrowsAsync<TencentCallException>(RunAsync);

        Assert.Equal(TencentErrorCodes.ResourceNotFound, failure.Code);
        Assert.IsNotType<TransientTencentCallException>(failure);
        vpc.Verify(v => v.ModifyVpcPeeringConnection(It.IsAny<ModifyVpcPeeringConnectionRequest>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Throttling_on_the_write_is_reported_as_worth_retrying()
    {
        TencentShows(new PeerConnection { PeeringConnectionId = "pcx-ab12cd34", State = "ACTIVE", Bandwidth = 100 });
        vpc.Setup(v => v.ModifyVpcPeeringConnection(It.IsAny<ModifyVpcPeeringConnectionRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TencentCloudSDKException(TencentErrorCodes.RequestLimitExceeded, "Too many requests.", "req-1", action: "ModifyVpcPeeringConnection"));

        var failure = await Assert.ThrowsAsync<TransientTencentCallException>(RunAsync);

        Assert.Equal(TencentErrorCodes.RequestLimitExceeded, failure.Code);
    }
}
