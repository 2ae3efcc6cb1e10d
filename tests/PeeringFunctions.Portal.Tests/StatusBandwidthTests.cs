using PeeringFunctions.Peerings;
using PeeringFunctions.Portal.Pages;
using PeeringFunctions.Portal.Status;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Portal.Tests;

/// <summary>The status page's summary shows a cross-region peering's cap as Tencent last reported it, and the latest change.</summary>
public sealed class StatusBandwidthTests
{
    private static readonly PeeringRequest CrossRegion = PeeringInstances.AlphaToBeta();

    private static string Summary(PeeringBandwidthView? bandwidth)
    {
        var peering = PeeringSnapshot.From(BandwidthChangeInstances.ActivePeering(CrossRegion, verifiedMbps: 100)) with { Bandwidth = bandwidth };
        return StatusView.LiveParts(peering, [], "<svg></svg>");
    }

    [Fact]
    public void The_summary_shows_the_cap_verification_read()
    {
        var html = Summary(new PeeringBandwidthView(100, PeeringBandwidthView.ReadByVerification, null, null));

        Assert.Contains("<dt>Bandwidth</dt><dd>100 Mbps, as Tencent reported it when the peering was verified.</dd>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_shows_the_cap_read_back_after_a_change_and_how_the_change_ended()
    {
        var change = new BandwidthChangeView("bandwidth-x", "Completed", BandwidthChangeSteps.Completed, 300,
            new BandwidthChangeOutcome(BandwidthChangeStatus.Changed, PeeringInstances.Pcx, 300, 300, "done"));

        var html = Summary(new PeeringBandwidthView(300, PeeringBandwidthView.ReadByChange, null, change));

        Assert.Contains("300 Mbps, as Tencent reported it after the last change. Last change, to 300 Mbps: changed.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_shows_a_change_still_running_with_its_step()
    {
        var change = new BandwidthChangeView("bandwidth-x", "Running", BandwidthChangeSteps.Changing, 300, null);

        var html = Summary(new PeeringBandwidthView(100, PeeringBandwidthView.ReadByVerification, null, change));

        Assert.Contains("Changing to 300 Mbps (Changing).", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_peering_without_a_cap_has_no_bandwidth_line()
    {
        Assert.DoesNotContain("<dt>Bandwidth</dt>", Summary(null), StringComparison.Ordinal);
    }
}
