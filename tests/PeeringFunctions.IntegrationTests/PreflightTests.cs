using PeeringFunctions.IntegrationTests.Support;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using PeeringFunctions.Workflow.Contracts;
using static PeeringFunctions.Testing.Builders.DemoIds;

namespace PeeringFunctions.IntegrationTests;

/// <summary>Pre-flight refuses what Tencent would refuse or what would break traffic, before a single write.</summary>
public sealed class PreflightTests(LocalHostFixture fixture) : IntegrationTest(fixture), IClassFixture<LocalHostFixture>
{
    [Fact]
    public async Task Overlapping_vpcs_are_refused_naming_both_cidrs_and_nothing_is_written_to_tencent()
    {
        var body = PeeringRequests.CrossRegion().With(b =>
        {
            b["receiver"] = PeeringRequests.Side(Beta, Shanghai, BetaOverlapVpc);
        });

        var problems = await RefusedAsync(body, AlphaVpc, BetaOverlapVpc);

        Assert.Contains(problems, p => p.Contains("10.10.0.0/16", StringComparison.Ordinal)
            && p.Contains("10.10.128.0/20", StringComparison.Ordinal) && p.Contains("overlaps", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unknown_route_table_is_refused_naming_it_and_nothing_is_written_to_tencent()
    {
        var body = PeeringRequests.CrossRegion().With(b => b["receiver"]!["routeTableId"] = "rtb-zzzzzzzz");

        var problems = await RefusedAsync(body, AlphaVpc, BetaVpc);

        Assert.Contains(problems, p => p.Contains("Route table rtb-zzzzzzzz was not found", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unknown_vpc_is_refused_naming_it_and_nothing_is_written_to_tencent()
    {
        var body = PeeringRequests.CrossRegion().With(b => b["receiver"]!["vpcId"] = "vpc-zzzzzzzz");

        var problems = await RefusedAsync(body, AlphaVpc, "vpc-zzzzzzzz");

        Assert.Contains(problems, p => p.Contains("VPC vpc-zzzzzzzz was not found", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_route_table_at_its_quota_of_two_hundred_entries_is_refused_before_a_single_write()
    {
        // alpha fills its peering table in its own console: 200 routes through a NAT gateway, none of them ours.
        await Fixture.ConsoleOf(Alpha, Guangzhou).CreateRoutes(new CreateRoutesRequest
        {
            RouteTableId = AlphaPeeringTable,
            Routes = [.. Enumerable.Range(0, 200).Select(i => new Route
            {
                DestinationCidrBlock = $"192.168.{i}.0/24",
                GatewayType = GatewayTypes.Nat,
                GatewayId = "nat-12345678",
            })],
        });
        Emulator.ResetCalls();

        var problems = await RefusedAsync(PeeringRequests.CrossRegion(), AlphaVpc, BetaVpc);

        Assert.Contains(
            "Route table rtb-alphapcx holds 200 of its 200 route entries (Tencent's quota per table); this peering would add 1. " +
            "Remove unused routes or choose another route table.",
            problems);
        Assert.Equal(200, Emulator.Snapshot().RouteTable(AlphaPeeringTable)!.Routes.Count);
    }

    private async Task<IReadOnlyList<string>> RefusedAsync(System.Text.Json.Nodes.JsonObject body, string vpcA, string vpcB)
    {
        var started = await Api.StartAcceptedAsync(body);
        var done = await Api.WaitForEndAsync(started.Id);

        Assert.Equal("Completed", done.RuntimeStatus);
        Assert.Equal(PeeringStatus.PreflightFailed, done.State);
        Assert.Equal(PeeringSteps.Preflight, done.Outcome!.FailedStep);
        Assert.Null(done.PeeringConnectionId);

        // Reads only: the call counters saw no write, and the world is as seeded.
        var calls = Emulator.Calls();
        Assert.True(calls.Totals.Total > 0, "pre-flight made no Tencent call at all");
        Assert.Equal(0, calls.Totals.Writes);
        var state = Emulator.Snapshot();
        Assert.Empty(state.PeeringsBetween(vpcA, vpcB));
        ActiveAssertions.AssertNothingLeft(state, Seeded, vpcA, vpcB);
        return done.Outcome.Problems;
    }
}
