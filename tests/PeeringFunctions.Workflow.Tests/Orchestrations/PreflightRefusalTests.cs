using Microsoft.DurableTask;
using PeeringFunctions.Workflow.Activities;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Tests.Fakes;
using PeeringFunctions.Workflow.Tests.Fixtures;
using static PeeringFunctions.Workflow.Tests.Fixtures.DemoCloud;

namespace PeeringFunctions.Workflow.Tests.Orchestrations;

/// <summary>Pre-flight refuses before anything exists: no write activity runs and the problem names the resource and the rule.</summary>
public sealed class PreflightRefusalTests
{
    private readonly DemoCloud cloud = new();

    [Fact]
    public async Task Refuses_when_the_receivers_VPC_is_not_found()
    {
        cloud.RemoveVpc(BetaVpc);

        var outcome = await AssertRefusedAsync(Demo.AlphaToBeta());

        Assert.Equal([$"VPC {BetaVpc} was not found in beta/ap-shanghai/{BetaVpc}."], outcome.Problems);
    }

    [Fact]
    public async Task Refuses_when_the_VPC_is_asked_of_an_account_that_does_not_own_it()
    {
        var outcome = await AssertRefusedAsync(Demo.AlphaToBeta(initiator: Demo.AlphaSide() with { Account = Beta }));

        Assert.Contains($"VPC {AlphaVpc} was not found in beta/ap-guangzhou/{AlphaVpc}.", outcome.Problems);
    }

    [Fact]
    public async Task Refuses_when_the_route_table_is_not_in_the_VPC()
    {
        var outcome = await AssertRefusedAsync(Demo.AlphaToBeta(receiver: Demo.BetaSide(routeTableId: AlphaPcxTable)));

        Assert.Equal([$"Route table {AlphaPcxTable} was not found in VPC {BetaVpc} (beta/ap-shanghai/{BetaVpc})."], outcome.Problems);
    }

    [Fact]
    public async Task Refuses_when_a_subnet_is_not_in_the_VPC()
    {
        var outcome = await AssertRefusedAsync(Demo.AlphaToBeta(initiator: Demo.AlphaSide(subnetIds: [AlphaWeb, BetaApp])));

        Assert.Equal([$"Subnet {BetaApp} was not found in VPC {AlphaVpc} (alpha/ap-guangzhou/{AlphaVpc})."], outcome.Problems);
    }

    [Fact]
    public async Task Refuses_VPCs_whose_primary_CIDRs_overlap()
    {
        var outcome = await AssertRefusedAsync(Demo.AlphaToBeta(receiver: Demo.BetaSide(BetaOverlapVpc, routeTableId: null, subnetIds: [])));

        Assert.Contains(
            $"CIDR {AlphaCidr} of {AlphaVpc} overlaps CIDR {BetaOverlapCidr} of {BetaOverlapVpc}; Tencent refuses peering overlapping VPCs.",
            outcome.Problems);
    }

    [Fact]
    public async Task Refuses_VPCs_whose_assistant_CIDR_overlaps_the_peer()
    {
        cloud.AddAssistantCidr(BetaVpc, "10.11.128.0/17");

        var outcome = await AssertRefusedAsync(Demo.AlphaToBeta());

        Assert.Equal(
            [$"CIDR {AlphaAssistantCidr} of {AlphaVpc} overlaps CIDR 10.11.128.0/17 of {BetaVpc}; Tencent refuses peering overlapping VPCs."],
            outcome.Problems);
    }

    [Fact]
    public async Task Refuses_a_destination_outside_the_peer_VPC()
    {
        var outcome = await AssertRefusedAsync(Demo.AlphaToBeta(initiator: Demo.AlphaSide(destinations: [BetaGzCidr])));

        Assert.Equal([$"Destination {BetaGzCidr} for {AlphaPcxTable} is not inside the peer VPC's CIDRs ({BetaCidr})."], outcome.Problems);
    }

    [Fact]
    public async Task Refuses_a_destination_overlapping_the_sides_own_CIDR()
    {
        var outcome = await AssertRefusedAsync(Demo.AlphaToBeta(receiver: Demo.BetaSide(destinations: ["172.16.8.0/24"])));

        Assert.Equal([$"Destination 172.16.8.0/24 for {BetaPcxTable} overlaps {BetaVpc}'s own CIDR {BetaCidr}."], outcome.Problems);
    }

    [Fact]
    public async Task Refuses_when_the_table_already_routes_the_destination_to_another_next_hop()
    {
        cloud.AddRoute(AlphaPcxTable, BetaCidr, "NAT", "nat-0a1b2c3d");

        var outcome = await AssertRefusedAsync(Demo.AlphaToBeta());

        Assert.Equal([$"Route table {AlphaPcxTable} already routes {BetaCidr} to NAT nat-0a1b2c3d."], outcome.Problems);
    }

    [Fact]
    public async Task Refuses_when_another_peering_already_routes_an_overlapping_range_anywhere_in_the_VPC()
    {
        cloud.AddRoute(AlphaMainTable, "172.16.8.0/24", "PEERCONNECTION", "pcx-other001");

        var outcome = await AssertRefusedAsync(Demo.AlphaToBeta());

        Assert.Equal([$"Destination {BetaCidr} overlaps 172.16.8.0/24, already routed to peering pcx-other001 in {AlphaMainTable}."], outcome.Problems);
    }

    [Fact]
    public async Task Every_problem_found_is_reported_not_only_the_first()
    {
        var outcome = await AssertRefusedAsync(Demo.AlphaToBeta(
            initiator: Demo.AlphaSide(routeTableId: "rtb-missing1"),
            receiver: Demo.BetaSide(subnetIds: ["subnet-missing1"])));

        Assert.Equal(
        [
            $"Route table rtb-missing1 was not found in VPC {AlphaVpc} (alpha/ap-guangzhou/{AlphaVpc}).",
            $"Subnet subnet-missing1 was not found in VPC {BetaVpc} (beta/ap-shanghai/{BetaVpc}).",
        ], outcome.Problems);
    }

    [Fact]
    public async Task A_failing_pre_flight_read_fails_the_run_before_anything_is_written()
    {
        var context = Demo.ContextFor(cloud).Fails<VpcTarget>(
            nameof(DescribeRouteTablesActivity), "DescribeRouteTables: [AuthFailure.SecretIdNotFound] The SecretId is not found. (RequestId r-1)");

        var error = await Assert.ThrowsAsync<TaskFailedException>(() => context.RunPeeringAsync(Demo.AlphaToBeta()));

        Assert.Equal(nameof(DescribeRouteTablesActivity), error.TaskName);
        Assert.Empty(Demo.WritesIn(context));
    }

    private async Task<PeeringOutcome> AssertRefusedAsync(PeeringRequest request)
    {
        var before = cloud.Layout();
        var context = Demo.ContextFor(cloud);

        var outcome = await context.RunPeeringAsync(request);

        Assert.Equal(PeeringStatus.PreflightFailed, outcome.Status);
        Assert.Null(outcome.PeeringConnectionId);
        Assert.Equal(PeeringSteps.Preflight, outcome.FailedStep);
        Assert.Empty(outcome.Undone);
        Assert.NotEmpty(outcome.Problems);
        Assert.Empty(Demo.WritesIn(context));
        Assert.DoesNotContain(nameof(NotifyReceiverActivity), context.Names);
        Assert.Equal(before, cloud.Layout());
        var last = context.Progress[^1];
        Assert.Equal(PeeringSteps.Completed, last.Step);
        Assert.Null(last.PeeringConnectionId);
        Assert.Equal("Pre-flight refused the request; nothing was created.", last.Message);
        return outcome;
    }
}
