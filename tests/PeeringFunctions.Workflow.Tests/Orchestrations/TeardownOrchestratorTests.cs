using System.Text.Json;
using PeeringFunctions.Workflow.Activities;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Tests.Fakes;
using PeeringFunctions.Workflow.Tests.Fixtures;
using static PeeringFunctions.Workflow.Tests.Fixtures.DemoCloud;

namespace PeeringFunctions.Workflow.Tests.Orchestrations;

public sealed class TeardownOrchestratorTests
{
    private readonly DemoCloud cloud = new();

    [Fact]
    public async Task Teardown_removes_the_routes_restores_the_subnets_and_deletes_the_peering()
    {
        var before = cloud.Layout();
        var request = await PeerAlphaAndBetaAsync();
        Assert.NotEqual(before, cloud.Layout());
        var context = Demo.ContextFor(cloud);

        var outcome = await context.RunTeardownAsync(request);

        Assert.Equal(TeardownStatus.Removed, outcome.Status);
        Assert.Equal(NewPeeringId, outcome.PeeringConnectionId);
        Assert.Empty(outcome.Problems);
        Assert.Equal(
        [
            "DeleteRoutesActivity(alpha, ap-guangzhou, rtb-alphapcx, pcx-ab12cd34, keep [])",
            "AssociateSubnetActivity(alpha, ap-guangzhou, subnet-alphaweb -> rtb-alphamai)",
            "DeleteRoutesActivity(beta, ap-shanghai, rtb-betapcx1, pcx-ab12cd34, keep [])",
            "AssociateSubnetActivity(beta, ap-shanghai, subnet-betaapp1 -> rtb-betamain)",
            "DeletePeeringActivity(alpha, ap-guangzhou, pcx-ab12cd34)",
        ], context.Calls.Select(CallText.Of));
        Assert.Equal(
        [
            $"removed the routes to {NewPeeringId} from {AlphaPcxTable} (alpha)",
            $"moved subnet {AlphaWeb} back to {AlphaMainTable} (alpha)",
            $"removed the routes to {NewPeeringId} from {BetaPcxTable} (beta)",
            $"moved subnet {BetaApp} back to {BetaMainTable} (beta)",
            $"deleted peering {NewPeeringId}",
        ], outcome.Removed);
        Assert.Equal(before, cloud.Layout());
        Assert.Equal("DELETED", cloud.PeeringState(NewPeeringId));
        Assert.All(context.Calls, c => Assert.Same(TencentRetry.Options, c.Options));
    }

    [Fact]
    public async Task Teardown_reports_its_progress_with_the_pcx()
    {
        var request = await PeerAlphaAndBetaAsync();
        var context = Demo.ContextFor(cloud);

        await context.RunTeardownAsync(request);

        var statuses = context.Statuses.Select(s => JsonSerializer.SerializeToElement(s)).ToList();
        Assert.Equal(["RemovingRoutes", "DeletingPeering", "Completed"], statuses.Select(s => s.GetProperty("Step").GetString()));
        Assert.All(statuses, s => Assert.Equal(NewPeeringId, s.GetProperty("PeeringConnectionId").GetString()));
    }

    [Fact]
    public async Task Teardown_status_is_a_typed_record_that_serializes_with_the_names_its_readers_know()
    {
        var request = await PeerAlphaAndBetaAsync();
        var context = Demo.ContextFor(cloud);

        await context.RunTeardownAsync(request);

        Assert.Equal(
        [
            new TeardownProgress(TeardownSteps.RemovingRoutes, NewPeeringId),
            new TeardownProgress(TeardownSteps.DeletingPeering, NewPeeringId),
            new TeardownProgress(TeardownSteps.Completed, NewPeeringId),
        ], context.Statuses);
        var workerJson = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Assert.Equal("""{"step":"DeletingPeering","peeringConnectionId":"pcx-ab12cd34"}""", JsonSerializer.Serialize(context.Statuses[1], workerJson));
    }

    [Fact]
    public void A_status_stored_by_a_teardown_from_before_the_typed_record_reads_as_one()
    {
        var stored = JsonSerializer.Serialize(new { Step = "RemovingRoutes", PeeringConnectionId = NewPeeringId }, new JsonSerializerOptions(JsonSerializerDefaults.Web));

        var read = JsonSerializer.Deserialize<TeardownProgress>(stored, new JsonSerializerOptions(JsonSerializerDefaults.Web));

        Assert.Equal(new TeardownProgress(TeardownSteps.RemovingRoutes, NewPeeringId), read);
    }

    [Theory]
    [InlineData(nameof(DeleteRoutesActivity), Beta, "removed the routes to pcx-ab12cd34 from rtb-betapcx1 (beta)")]
    [InlineData(nameof(AssociateSubnetActivity), Alpha, "moved subnet subnet-alphaweb back to rtb-alphamai (alpha)")]
    [InlineData(nameof(DeletePeeringActivity), Alpha, "deleted peering pcx-ab12cd34")]
    public async Task A_failing_teardown_step_is_reported_while_the_others_still_run(string activity, string account, string step)
    {
        var request = await PeerAlphaAndBetaAsync();
        var failure = $"{activity}: [InternalError] Something went wrong. (RequestId td-1)";
        var context = Demo.ContextFor(cloud).Fails<object>(activity, failure, when: input => input switch
        {
            DeleteRoutesInput d => d.Account == account,
            AssociateSubnetInput a => a.Account == account,
            PeeringTarget p => p.Account == account,
            _ => false,
        });

        var outcome = await context.RunTeardownAsync(request);

        Assert.Equal(TeardownStatus.Failed, outcome.Status);
        Assert.Equal([$"could not complete ({step}): {failure}"], outcome.Problems);
        Assert.Equal(4, outcome.Removed.Count);
        Assert.DoesNotContain(step, outcome.Removed);
        Assert.Equal(5, context.Calls.Count);
        Assert.Equal(nameof(DeletePeeringActivity), context.Names[^1]);
    }

    [Fact]
    public async Task Teardown_deletes_the_peering_with_the_initiators_credentials_only()
    {
        const string refused = "DeleteVpcPeeringConnection: [UnauthorizedOperation] Not allowed. (RequestId 4b7e-alpha)";
        var request = await PeerAlphaAndBetaAsync();
        var context = Demo.ContextFor(cloud).Fails<PeeringTarget>(nameof(DeletePeeringActivity), refused, when: p => p.Account == Alpha);

        var outcome = await context.RunTeardownAsync(request);

        // Unlike compensation, teardown has no fallback to the receiver's credentials.
        Assert.Equal([$"could not complete (deleted peering {NewPeeringId}): {refused}"], outcome.Problems);
        Assert.Equal([new PeeringTarget(Alpha, Guangzhou, NewPeeringId)], context.InputsOf<PeeringTarget>(nameof(DeletePeeringActivity)));
        Assert.Equal("ACTIVE", cloud.PeeringState(NewPeeringId));
    }

    [Fact]
    public async Task Teardown_of_a_peering_with_an_external_receiver_touches_only_the_initiator()
    {
        var request = new TeardownRequest(
            NewPeeringId,
            new SideOutcome(Alpha, Guangzhou, AlphaVpc, AlphaPcxTable, ["192.168.100.0/24"], ["rti-00000101"],
                [new AssociationChange(AlphaWeb, AlphaMainTable, AlphaPcxTable)]),
            new SideOutcome(null, Shanghai, ExternalVpc, null, [], [], []));
        var context = Demo.ContextFor(cloud);

        var outcome = await context.RunTeardownAsync(request);

        Assert.Equal(TeardownStatus.Removed, outcome.Status);
        Assert.Equal(
        [
            "DeleteRoutesActivity(alpha, ap-guangzhou, rtb-alphapcx, pcx-ab12cd34, keep [])",
            "AssociateSubnetActivity(alpha, ap-guangzhou, subnet-alphaweb -> rtb-alphamai)",
            "DeletePeeringActivity(alpha, ap-guangzhou, pcx-ab12cd34)",
        ], context.Calls.Select(CallText.Of));
    }

    [Fact]
    public async Task An_adopted_peering_whose_initiator_is_not_ours_is_undone_on_the_receivers_side_and_deleted_with_the_receivers_credentials()
    {
        var peered = await PeerAlphaAndBetaAsync();
        var request = new TeardownRequest(
            NewPeeringId,
            new SideOutcome(null, Guangzhou, AlphaVpc, null, [], [], []),
            peered.Receiver,
            "peering-alpha-beta-0001",
            "portal",
            "alpha-beta",
            ExternalInitiator: new ExternalInitiator(ExternalUin, Guangzhou, AlphaVpc));
        var context = Demo.ContextFor(cloud);

        var outcome = await context.RunTeardownAsync(request);

        Assert.Equal(TeardownStatus.Removed, outcome.Status);
        Assert.Equal(
        [
            "DeleteRoutesActivity(beta, ap-shanghai, rtb-betapcx1, pcx-ab12cd34, keep [])",
            "AssociateSubnetActivity(beta, ap-shanghai, subnet-betaapp1 -> rtb-betamain)",
            "DeletePeeringActivity(beta, ap-shanghai, pcx-ab12cd34)",
        ], context.Calls.Where(c => c.Name != nameof(RecordTeardownActivity) && c.Name != nameof(NotifyTeardownActivity)).Select(CallText.Of));
        Assert.Equal("DELETED", cloud.PeeringState(NewPeeringId));
        Assert.Equal(
            $"The initiator's side is an external account (uin {ExternalUin}): in VPC {AlphaVpc} ({Guangzhou}) it should delete its routes " +
            $"whose next hop is {NewPeeringId}, the routes to the receiver's VPC {BetaVpc}; we cannot remove them.",
            outcome.ExternalReceiverAction);
        var notice = Assert.Single(context.InputsOf<TeardownNotice>(nameof(NotifyTeardownActivity)));
        Assert.Equal(((string?)null, "beta"), (notice.InitiatorAccount, notice.ReceiverAccount));
    }

    [Fact]
    public async Task Teardown_can_run_again_after_everything_is_gone()
    {
        var request = await PeerAlphaAndBetaAsync();
        await Demo.ContextFor(cloud).RunTeardownAsync(request);
        var again = Demo.ContextFor(cloud);

        var outcome = await again.RunTeardownAsync(request);

        Assert.Equal(TeardownStatus.Removed, outcome.Status);
        Assert.Empty(outcome.Problems);
        Assert.Equal(5, outcome.Removed.Count);
    }

    /// <summary>Runs the accepted peering on <see cref="cloud"/> and builds the teardown request from its outcome.</summary>
    private async Task<TeardownRequest> PeerAlphaAndBetaAsync()
    {
        var outcome = await Demo.ContextFor(cloud).Decide(Demo.Accept()).RunPeeringAsync(Demo.AlphaToBeta());
        Assert.Equal(PeeringStatus.Active, outcome.Status);
        return new TeardownRequest(outcome.PeeringConnectionId!, outcome.Initiator, outcome.Receiver);
    }
}
