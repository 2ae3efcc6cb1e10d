using Microsoft.Extensions.Logging.Abstractions;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Peerings.Tests.Bandwidth;

/// <summary>The status document's bandwidth: always what Tencent last reported, and the latest change's progress or outcome.</summary>
public sealed class BandwidthStatusTests
{
    private static readonly PeeringRequest CrossRegion = PeeringInstances.AlphaToBeta();

    private readonly DurableFake durable = new();
    private readonly PeeringOperations operations = new(new PeeringFunctions.Registry.InMemoryPeeringRegistry(), NullLogger<PeeringOperations>.Instance);

    private async Task<PeeringView> ViewAsync(string id) => (await operations.GetAsync(durable.Client, id, CancellationToken.None))!;

    [Fact]
    public async Task Before_any_change_the_status_shows_what_verification_read()
    {
        var peering = BandwidthChangeInstances.ActivePeering(CrossRegion, verifiedMbps: 100);
        durable.Add(peering);

        var bandwidth = (await ViewAsync(peering.InstanceId)).Bandwidth;

        Assert.Equal(new PeeringBandwidthView(100, PeeringBandwidthView.ReadByVerification, BandwidthChangeInstances.VerifiedAt, null), bandwidth);
    }

    [Fact]
    public async Task After_a_change_the_status_shows_what_its_read_back_found_not_what_was_asked()
    {
        var peering = BandwidthChangeInstances.ActivePeering(CrossRegion, verifiedMbps: 100);
        durable.Add(peering);
        durable.Add(BandwidthChangeInstances.Ended(peering.InstanceId, requestedMbps: 300, BandwidthChangeStatus.Failed, readMbps: 250));

        var bandwidth = (await ViewAsync(peering.InstanceId)).Bandwidth!;

        Assert.Equal(250, bandwidth.Mbps);
        Assert.Equal(PeeringBandwidthView.ReadByChange, bandwidth.ReadBy);
        Assert.Equal(BandwidthChangeInstances.ChangedAt, bandwidth.ReadAt);
        Assert.Equal(300, bandwidth.LastChange!.RequestedMbps);
        Assert.Equal(BandwidthChangeStatus.Failed, bandwidth.LastChange.Outcome!.Status);
    }

    [Fact]
    public async Task While_a_change_runs_the_status_shows_the_last_read_and_the_changes_step()
    {
        var peering = BandwidthChangeInstances.ActivePeering(CrossRegion, verifiedMbps: 100);
        durable.Add(peering);
        durable.Add(BandwidthChangeInstances.Running(peering.InstanceId, requestedMbps: 300, BandwidthChangeSteps.ReadingBack));

        var bandwidth = (await ViewAsync(peering.InstanceId)).Bandwidth!;

        Assert.Equal(100, bandwidth.Mbps);
        Assert.Equal(PeeringBandwidthView.ReadByVerification, bandwidth.ReadBy);
        Assert.Equal(BandwidthChangeSteps.ReadingBack, bandwidth.LastChange!.Step);
        Assert.True(bandwidth.LastChange.IsRunning());
        Assert.Null(bandwidth.LastChange.Outcome);
    }

    [Fact]
    public async Task A_change_of_an_earlier_peering_of_the_pair_is_not_this_peerings()
    {
        var peering = BandwidthChangeInstances.ActivePeering(CrossRegion, verifiedMbps: 100, pcx: "pcx-second01");
        durable.Add(peering);
        durable.Add(BandwidthChangeInstances.Ended(peering.InstanceId, requestedMbps: 300, BandwidthChangeStatus.Changed, readMbps: 300, pcx: "pcx-first001"));

        var bandwidth = (await ViewAsync(peering.InstanceId)).Bandwidth!;

        Assert.Equal(100, bandwidth.Mbps);
        Assert.Null(bandwidth.LastChange);
    }

    [Fact]
    public async Task An_intra_region_peering_has_no_bandwidth_in_its_status()
    {
        var intraRegion = new PeeringRequest(
            "same-region",
            new PeeringSide("ap-guangzhou", "vpc-alpha001", Account: "alpha"),
            new PeeringSide("ap-guangzhou", "vpc-betagz01", Account: "beta"));
        var peering = BandwidthChangeInstances.ActivePeering(intraRegion, verifiedMbps: 0);
        durable.Add(peering);

        Assert.Null((await ViewAsync(peering.InstanceId)).Bandwidth);
    }

    [Fact]
    public async Task The_list_carries_each_peerings_latest_change_and_never_lists_a_change_as_a_peering()
    {
        var peering = BandwidthChangeInstances.ActivePeering(CrossRegion, verifiedMbps: 100);
        durable.Add(peering);
        durable.Add(BandwidthChangeInstances.Ended(peering.InstanceId, requestedMbps: 400, BandwidthChangeStatus.Changed, readMbps: 400));

        var listed = Assert.Single(await operations.ListAsync(durable.Client, null, CancellationToken.None));

        Assert.Equal(peering.InstanceId, listed.Id);
        Assert.Equal(400, listed.Bandwidth!.Mbps);
        Assert.Equal(PeeringBandwidthView.ReadByChange, listed.Bandwidth.ReadBy);
    }

    [Theory]
    [InlineData("peering-vpc-alpha001-vpc-beta0001", true)]
    [InlineData("bandwidth-peering-vpc-alpha001-vpc-beta0001", false)]
    public void A_bandwidth_change_id_is_never_taken_for_a_peering_id(string id, bool isPeering)
    {
        Assert.Equal(isPeering, PeeringInstanceIds.IsPeeringId(id));
        Assert.Equal(isPeering ? null : "peering-vpc-alpha001-vpc-beta0001", PeeringInstanceIds.PeeringOfBandwidthChange(id));
        Assert.False(id.StartsWith(PeeringInstanceIds.BandwidthChangePrefix, StringComparison.Ordinal) && isPeering);
    }
}
