using System.Diagnostics;
using PeeringFunctions.Peerings.Acceptance;
using PeeringFunctions.Peerings.Tests.Support;
using Xunit.Abstractions;
using static PeeringFunctions.Peerings.Tests.Support.PollerWorld;

namespace PeeringFunctions.Peerings.Tests.Acceptance;

/// <summary>
/// "As few calls as possible": one paged DescribeVpcPeeringConnections per (initiator account, region), by id, at
/// most 100 ids a call — never one call per peering. Counted on the emulator, which answers every call.
/// </summary>
public sealed class PollerCallBudgetTests(ITestOutputHelper output)
{
    private static readonly string[] Regions = [Guangzhou, Shanghai, "ap-beijing", "ap-chengdu", "ap-nanjing"];

    [Theory]
    [InlineData(3, 100, 3)]   // 300 waiting in 3 groups: 3 × ceil(100/100)
    [InlineData(1, 250, 3)]   // 250 waiting in 1 group: ceil(250/100)
    [InlineData(10, 100, 10)] // the figure: 1,000 waiting in 10 groups cost 10 calls a tick
    public async Task Each_tick_costs_one_describe_call_per_hundred_waiting_peerings_of_each_group_never_one_per_peering(
        int groupCount, int perGroup, int expectedCalls)
    {
        var groups = Enumerable.Range(0, groupCount)
            .Select(g => new GroupSpec(g % 2 == 0 ? Alpha : Gamma, Regions[g / 2], perGroup))
            .ToArray();
        await using var world = await StartAsync(groups);
        var setup = Stopwatch.StartNew();
        foreach (var group in groups)
        {
            await world.RequestAsync(group);
        }

        output.WriteLine($"setup: {groupCount * perGroup} peerings requested through the client in {setup.Elapsed.TotalMilliseconds:F0} ms");
        world.Emulator.ResetCalls();

        for (var tick = 1; tick <= 2; tick++)
        {
            var before = world.Emulator.Calls();
            var report = await world.TickAsync(output, $"tick {tick}");
            var after = world.Emulator.Calls();

            Assert.Equal(groupCount * perGroup, report.Waiting);
            Assert.Equal(groupCount, report.Groups);
            Assert.Empty(report.GroupErrors);
            Assert.Empty(report.Raised); // every peering is still PENDING
            Assert.Empty(world.Durable.Raised);

            // Exactly groups × ceil(n/100) Describe calls, nothing else, none refused, and the report agrees.
            var describes = after.ForAction("DescribeVpcPeeringConnections").Total - before.ForAction("DescribeVpcPeeringConnections").Total;
            Assert.Equal(expectedCalls, describes);
            Assert.Equal(expectedCalls, after.Totals.Total - before.Totals.Total);
            Assert.Equal(0, after.Totals.Errors - before.Totals.Errors);
            Assert.Equal(expectedCalls, report.TencentCalls);

            // Per account: each of its groups costs ceil(n/100).
            foreach (var account in groups.Select(g => g.Account).Distinct())
            {
                var expected = groups.Where(g => g.Account == account).Sum(g => (g.Peerings + AcceptancePoller.PageSize - 1) / AcceptancePoller.PageSize);
                Assert.Equal(expected, after.ForAccount(account).Total - before.ForAccount(account).Total);
            }
        }
    }

    [Fact]
    public async Task Peerings_decided_in_every_group_are_raised_within_the_same_call_budget()
    {
        GroupSpec[] groups = [new(Alpha, Guangzhou, 100), new(Alpha, Shanghai, 100), new(Gamma, Guangzhou, 100)];
        await using var world = await StartAsync(groups);
        var requested = new List<RequestedPeering>();
        foreach (var group in groups)
        {
            requested.AddRange(await world.RequestAsync(group));
        }

        // The receiver accepts every tenth peering of each group in its own account.
        var accepted = requested.Where((_, i) => i % 10 == 0).ToList();
        foreach (var peering in accepted)
        {
            await world.AcceptAsReceiverAsync(peering);
        }

        world.Emulator.ResetCalls();
        var report = await world.TickAsync(output);

        Assert.Equal(3, world.DescribeCalls());
        Assert.Equal(3, report.TencentCalls);
        Assert.Equal(300, report.Waiting);
        Assert.Equal(
            accepted.Select(p => $"{p.InstanceId}:ACTIVE").Order(StringComparer.Ordinal),
            report.Raised.Order(StringComparer.Ordinal));
        Assert.Equal(
            accepted.Select(p => p.InstanceId).Order(StringComparer.Ordinal),
            world.Durable.Decisions().Select(d => d.InstanceId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task With_tencent_answering_at_most_fifty_a_page_every_one_of_a_hundred_and_twenty_peerings_is_seen_and_raised()
    {
        var group = new GroupSpec(Alpha, Guangzhou, 120);
        await using var world = await StartAsync(options => options.PageCaps["DescribeVpcPeeringConnections"] = 50, group);
        var peerings = await world.RequestAsync(group);
        foreach (var peering in peerings)
        {
            await world.AcceptAsReceiverAsync(peering);
        }

        world.Emulator.ResetCalls();
        var report = await world.TickAsync(output);

        // Two chunks of ids (100 + 20); the first comes back in two capped pages: 50 + 50, then 20.
        Assert.Equal(120, report.Waiting);
        Assert.Equal(120, report.Raised.Count);
        Assert.Equal(peerings.Select(p => p.InstanceId).Order(StringComparer.Ordinal), world.Durable.Decisions().Select(d => d.InstanceId).Order(StringComparer.Ordinal));
        Assert.Equal(3, world.DescribeCalls());
    }
}
