using PeeringFunctions.TencentAccess.Facts;
using PeeringFunctions.Workflow.Activities;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Tests.Fixtures;

namespace PeeringFunctions.Workflow.Tests.Orchestrations;

/// <summary>An active peering's outcome keeps the bandwidth cap Tencent reported to verification: the status's first read.</summary>
public sealed class VerifiedBandwidthTests
{
    private readonly DemoCloud cloud = new();

    [Fact]
    public async Task The_outcome_of_an_active_peering_carries_the_bandwidth_verification_read()
    {
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept())
            .OnActivity<PeeringLookup, IReadOnlyList<PeeringFacts>>(nameof(DescribePeeringsActivity),
                lookup => [.. cloud.DescribePeerings(lookup).Select(p => p with { Bandwidth = 10 })]);

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(PeeringStatus.Active, outcome.Status);
        Assert.Equal(10, outcome.BandwidthMbps);
    }

    [Fact]
    public async Task A_peering_that_did_not_become_active_carries_no_bandwidth()
    {
        var outcome = await Demo.ContextFor(cloud).Decide(Demo.Reject()).RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(PeeringStatus.Rejected, outcome.Status);
        Assert.Null(outcome.BandwidthMbps);
    }
}
