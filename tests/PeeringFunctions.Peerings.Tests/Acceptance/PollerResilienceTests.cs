using PeeringFunctions.Peerings.Tests.Support;
using TencentVpcEmulator;
using Xunit.Abstractions;
using static PeeringFunctions.Peerings.Tests.Support.PollerWorld;

namespace PeeringFunctions.Peerings.Tests.Acceptance;

/// <summary>One account's trouble never hides another's acceptances, and a peering Tencent will not show raises nothing.</summary>
public sealed class PollerResilienceTests(ITestOutputHelper output)
{
    private static readonly GroupSpec AlphaGuangzhou = new(Alpha, Guangzhou, 3);
    private static readonly GroupSpec AlphaShanghai = new(Alpha, Shanghai, 3);
    private static readonly GroupSpec GammaGuangzhou = new(Gamma, Guangzhou, 3);

    [Theory]
    [InlineData(FaultMode.Error, "InternalError")]
    [InlineData(FaultMode.Error, "AuthFailure.SecretIdNotFound")] // the account's key was revoked
    [InlineData(FaultMode.DropReply, "InternalError")]               // the reply is lost: a network error
    public async Task Group_whose_tencent_call_fails_is_reported_and_the_other_groups_are_still_polled_and_raised(FaultMode mode, string code)
    {
        await using var world = await StartAsync(AlphaGuangzhou, AlphaShanghai, GammaGuangzhou);
        var accepted = new Dictionary<GroupSpec, RequestedPeering>();
        foreach (var group in new[] { AlphaGuangzhou, AlphaShanghai, GammaGuangzhou })
        {
            var peerings = await world.RequestAsync(group);
            await world.AcceptAsReceiverAsync(peerings[0]);
            accepted[group] = peerings[0];
        }

        world.Emulator.ResetCalls();
        world.Emulator.AddFault(new FaultRule { Action = "DescribeVpcPeeringConnections", Account = Gamma, Code = code, Mode = mode });
        var report = await world.TickAsync(output);

        var error = Assert.Single(report.GroupErrors);
        Assert.StartsWith($"{Gamma}/{Guangzhou}: ", error, StringComparison.Ordinal);
        Assert.Equal(
            new[] { accepted[AlphaGuangzhou], accepted[AlphaShanghai] }.Select(p => $"{p.InstanceId}:ACTIVE").Order(StringComparer.Ordinal),
            report.Raised.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(world.Durable.Raised, e => e.InstanceId == accepted[GammaGuangzhou].InstanceId);
        Assert.Equal(9, report.Waiting);
        Assert.Equal(3, report.Groups);

        // Every group was asked once; gamma's one call is the one that failed.
        var calls = world.Emulator.Calls();
        Assert.Equal(3, world.DescribeCalls());
        Assert.Equal(3, report.TencentCalls);
        Assert.Equal(2, calls.ForAccount(Alpha).Total);
        Assert.Equal(1, calls.ForAccount(Gamma).FaultsInjected);

        // The next tick, with Tencent answering again, raises gamma's acceptance too.
        world.Emulator.ClearFaults();
        world.Durable.ClearRaised();
        var next = await world.TickAsync(output, "next tick");
        Assert.Empty(next.GroupErrors);
        Assert.Contains($"{accepted[GammaGuangzhou].InstanceId}:ACTIVE", next.Raised);
        Assert.Equal(3, next.Raised.Count);
    }

    [Fact]
    public async Task Group_tencent_keeps_throttling_is_reported_once_the_client_gives_up_and_the_other_groups_are_still_raised()
    {
        await using var world = await StartAsync(AlphaGuangzhou, GammaGuangzhou);
        var alpha = (await world.RequestAsync(AlphaGuangzhou))[0];
        var gamma = (await world.RequestAsync(GammaGuangzhou))[0];
        await world.AcceptAsReceiverAsync(alpha);
        await world.AcceptAsReceiverAsync(gamma);

        world.Emulator.ResetCalls();
        world.Emulator.AddFault(new FaultRule { Action = "DescribeVpcPeeringConnections", Account = Gamma, Code = "RequestLimitExceeded" });
        var report = await world.TickAsync(output);

        var error = Assert.Single(report.GroupErrors);
        Assert.StartsWith($"{Gamma}/{Guangzhou}: ", error, StringComparison.Ordinal);
        Assert.Contains("RequestLimitExceeded", error, StringComparison.Ordinal);
        Assert.Equal([$"{alpha.InstanceId}:ACTIVE"], report.Raised);
        Assert.Equal(alpha.InstanceId, Assert.Single(world.Durable.Decisions()).InstanceId);

        // The poller asked once per group; the Tencent client's rate limiter may re-send a throttled request below it,
        // so the emulator counts at least as many.
        Assert.Equal(2, report.TencentCalls);
        Assert.Equal(1, world.Emulator.Calls().ForAccount(Alpha).Total);
        Assert.True(world.Emulator.Calls().ForAccount(Gamma).Total >= 1);
        output.WriteLine($"gamma's throttled request reached the emulator {world.Emulator.Calls().ForAccount(Gamma).Total} times");
    }

    [Fact]
    public async Task Group_of_an_account_alias_that_is_not_configured_is_reported_without_a_call_and_the_others_are_still_raised()
    {
        await using var world = await StartAsync(AlphaGuangzhou);
        var peerings = await world.RequestAsync(AlphaGuangzhou);
        await world.AcceptAsReceiverAsync(peerings[0]);

        // An instance whose initiator names an alias this app has no credentials for (removed from configuration, say).
        var orphan = new GroupSpec("zeta", Guangzhou, 1);
        var orphanRequest = RequestFor(orphan, world.PairsOf(AlphaGuangzhou)[1]);
        world.Durable.Add(PeeringInstances.Peering("peering-orphan-of-zeta", orphanRequest, peerings[0].PeeringConnectionId));

        world.Emulator.ResetCalls();
        var report = await world.TickAsync(output);

        var error = Assert.Single(report.GroupErrors);
        Assert.StartsWith($"zeta/{Guangzhou}: ", error, StringComparison.Ordinal);
        Assert.Contains("not configured", error, StringComparison.Ordinal);
        Assert.Equal(2, report.Groups);
        Assert.Equal([$"{peerings[0].InstanceId}:ACTIVE"], report.Raised);
        Assert.Equal(peerings[0].InstanceId, Assert.Single(world.Durable.Decisions()).InstanceId);
        Assert.Equal(1, world.DescribeCalls());
        Assert.Equal(1, report.TencentCalls);
    }

    [Fact]
    public async Task Peering_of_another_account_raises_nothing_and_does_not_stop_its_group()
    {
        await using var world = await StartAsync(AlphaGuangzhou, GammaGuangzhou);
        var alphas = await world.RequestAsync(AlphaGuangzhou);
        var gammas = await world.RequestAsync(GammaGuangzhou, addWaitingInstances: false);
        await world.AcceptAsReceiverAsync(alphas[0]);
        await world.AcceptAsReceiverAsync(gammas[0]);

        // An instance naming alpha as the initiator of gamma's ACTIVE peering: alpha cannot see it on Tencent.
        var request = RequestFor(AlphaGuangzhou, world.PairsOf(AlphaGuangzhou)[2]) with { Name = "misfiled" };
        world.Durable.Add(PeeringInstances.Peering("peering-misfiled", request, gammas[0].PeeringConnectionId));

        world.Emulator.ResetCalls();
        var report = await world.TickAsync(output);

        Assert.Empty(report.GroupErrors);
        Assert.Equal([$"{alphas[0].InstanceId}:ACTIVE"], report.Raised);
        Assert.Equal(alphas[0].InstanceId, Assert.Single(world.Durable.Decisions()).InstanceId);

        // The by-id call is refused (ResourceNotFound), then one page of what alpha sees answers for the group.
        Assert.Equal(2, world.DescribeCalls());
        Assert.Equal(1, world.Emulator.Calls().Totals.Errors);
        Assert.Equal(2, report.TencentCalls);
    }

    [Fact]
    public async Task Peering_id_tencent_no_longer_knows_raises_nothing_and_does_not_stop_its_group()
    {
        await using var world = await StartAsync(AlphaGuangzhou);
        var peerings = await world.RequestAsync(AlphaGuangzhou);
        await world.AcceptAsReceiverAsync(peerings[0]);
        await world.RejectAsReceiverAsync(peerings[1]);

        // Deleted and gone: a well-formed id Tencent no longer has any record of.
        world.Durable.Add(PeeringInstances.Peering("peering-gone", RequestFor(AlphaGuangzhou, world.PairsOf(AlphaGuangzhou)[2]) with { Name = "gone" }, "pcx-g0ne0000"));

        world.Emulator.ResetCalls();
        var report = await world.TickAsync(output);

        Assert.Empty(report.GroupErrors);
        Assert.Equal(
            new[] { $"{peerings[0].InstanceId}:ACTIVE", $"{peerings[1].InstanceId}:REJECTED" }.Order(StringComparer.Ordinal),
            report.Raised.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(world.Durable.Raised, e => e.InstanceId == "peering-gone");
        Assert.Equal(2, world.DescribeCalls());
        Assert.Equal(1, world.Emulator.Calls().Totals.Errors);
        Assert.Equal(2, report.TencentCalls);
    }

    [Fact]
    public async Task Fallback_listing_after_an_unknown_id_pages_through_everything_the_account_sees()
    {
        var group = new GroupSpec(Alpha, Guangzhou, 150);
        await using var world = await StartAsync(group);
        var peerings = await world.RequestAsync(group);

        // Decided early and late in creation order: on the first and on the second page of the account's listing.
        await world.AcceptAsReceiverAsync(peerings[0]);
        await world.AcceptAsReceiverAsync(peerings[149]);
        world.Durable.Add(PeeringInstances.Peering("peering-gone", RequestFor(group, world.PairsOf(group)[0]) with { Name = "gone" }, "pcx-g0ne0000"));

        world.Emulator.ResetCalls();
        var report = await world.TickAsync(output);

        Assert.Empty(report.GroupErrors);
        Assert.Equal(
            new[] { $"{peerings[0].InstanceId}:ACTIVE", $"{peerings[149].InstanceId}:ACTIVE" }.Order(StringComparer.Ordinal),
            report.Raised.Order(StringComparer.Ordinal));

        // 151 ids: two by-id calls, one of them refused, plus two pages (100 + 50) of the account's listing.
        Assert.Equal(4, world.DescribeCalls());
        Assert.Equal(1, world.Emulator.Calls().Totals.Errors);
        Assert.Equal(4, report.TencentCalls);
    }

    [Fact]
    public async Task Instance_that_refuses_the_event_does_not_stop_the_other_peerings_of_its_group_nor_the_tick()
    {
        await using var world = await StartAsync(AlphaGuangzhou, GammaGuangzhou);
        var alphas = await world.RequestAsync(AlphaGuangzhou);
        var gammas = await world.RequestAsync(GammaGuangzhou);
        foreach (var peering in alphas.Append(gammas[0]))
        {
            await world.AcceptAsReceiverAsync(peering);
        }

        // The first of alpha's instances (the query returns them by id) ended between the query and the event, say
        // because the receiver's HTTP accept completed it: the Durable client refuses the event.
        var ended = alphas.OrderBy(p => p.InstanceId, StringComparer.Ordinal).First();
        world.Durable.RefusedEvents[ended.InstanceId] = new InvalidOperationException(
            $"Cannot raise event PeeringDecision for orchestration instance {ended.InstanceId} because instance is in Completed state");

        var report = await world.TickAsync(output);

        Assert.Equal(
            alphas.Where(p => p != ended).Append(gammas[0]).Select(p => p.InstanceId).Order(StringComparer.Ordinal),
            world.Durable.Raised.Select(e => e.InstanceId).Order(StringComparer.Ordinal));
        Assert.DoesNotContain($"{ended.InstanceId}:ACTIVE", report.Raised);
    }
}
