using PeeringFunctions.Workflow.Activities;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Planning;
using PeeringFunctions.Workflow.Tests.Fixtures;
using static PeeringFunctions.Workflow.Tests.Fixtures.DemoCloud;

namespace PeeringFunctions.Workflow.Tests.Orchestrations;

/// <summary>
/// Version 3.0's pre-flight reads what Tencent's quotas need (the receiver's peerings, the configured quotas) and
/// refuses before any write; runs of earlier versions replay the reads and checks they made.
/// </summary>
public sealed class TencentLimitsPreflightTests
{
    private readonly DemoCloud cloud = new();

    [Fact]
    public async Task A_version_3_pre_flight_reads_the_receivers_peerings_and_the_quotas_alongside_the_other_reads()
    {
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept());

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(PeeringStatus.Active, outcome.Status);
        var preflight = context.Calls.TakeWhile(c => c.Name != nameof(CreatePeeringActivity)).ToList();
        Assert.Contains(new PeeringLookup(Beta, Shanghai, VpcId: BetaVpc), preflight.Where(c => c.Name == nameof(DescribePeeringsActivity)).Select(c => (PeeringLookup)c.Input!));
        // The quotas come with the rest of pre-flight's configuration (one activity from version 6.0).
        Assert.Single(preflight, c => c.Name == nameof(ResolvePreflightSettingsActivity));
    }

    [Fact]
    public async Task A_version_3_run_refuses_a_receiver_VPC_at_its_peering_quota_and_writes_nothing()
    {
        cloud.Limits = new TencentLimits(1, 200);
        cloud.AddPeering("pcx-betaown1", Beta, Shanghai, BetaVpc, Beta, Guangzhou, BetaGzVpc, "ACTIVE");
        var context = Demo.ContextFor(cloud);

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(PeeringStatus.PreflightFailed, outcome.Status);
        Assert.Contains(outcome.Problems, p => p.StartsWith($"VPC {BetaVpc} (beta/ap-shanghai/{BetaVpc}) already has 1 live peering", StringComparison.Ordinal));
        Assert.Empty(Demo.WritesIn(context));
        Assert.DoesNotContain(nameof(NotifyReceiverActivity), context.Names);
    }

    [Fact]
    public async Task A_version_3_run_refuses_a_full_route_table_and_writes_nothing()
    {
        cloud.Limits = new TencentLimits(10, 1);
        cloud.AddRoute(AlphaPcxTable, "192.168.200.0/24", "NAT", "nat-0a1b2c3d");
        var context = Demo.ContextFor(cloud);

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(PeeringStatus.PreflightFailed, outcome.Status);
        Assert.Contains(outcome.Problems, p => p.StartsWith($"Route table {AlphaPcxTable} holds 1 of its 1 route entries", StringComparison.Ordinal));
        Assert.Empty(Demo.WritesIn(context));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2.0")]
    public async Task A_run_of_an_earlier_version_neither_reads_nor_checks_the_limits(string version)
    {
        cloud.Limits = new TencentLimits(1, 1);
        cloud.AddPeering("pcx-betaown1", Beta, Shanghai, BetaVpc, Beta, Guangzhou, BetaGzVpc, "ACTIVE");
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept());
        context.Version = version;

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta() with { CrossRegion = null });

        Assert.Equal(PeeringStatus.Active, outcome.Status);
        Assert.DoesNotContain(nameof(ResolveLimitsActivity), context.Names);
        Assert.DoesNotContain(context.InputsOf<PeeringLookup>(nameof(DescribePeeringsActivity)), lookup => lookup.Account == Beta);
    }

    [Fact]
    public async Task A_run_of_version_2_still_asks_the_receiver_before_using_an_active_peering_of_the_pair()
    {
        cloud.AddPeering("pcx-11ve0001", Alpha, Guangzhou, AlphaVpc, Beta, Shanghai, BetaVpc, "ACTIVE");
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept(peeringConnectionId: "pcx-11ve0001"));
        context.Version = "2.0";

        var outcome = await context.RunPeeringAsync(Demo.AlphaToBeta());

        Assert.Equal(PeeringStatus.Active, outcome.Status);
        Assert.Single(context.InputsOf<NotifyReceiverInput>(nameof(NotifyReceiverActivity)));
    }
}
