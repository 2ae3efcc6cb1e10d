using PeeringFunctions.Workflow.Activities;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Tests.Fakes;
using PeeringFunctions.Workflow.Tests.Fixtures;
using static PeeringFunctions.Workflow.Tests.Fixtures.DemoCloud;

namespace PeeringFunctions.Workflow.Tests.Orchestrations;

/// <summary>A receiver known only by its UIN accepts on its own side: we do the initiator's half only.</summary>
public sealed class ExternalReceiverTests
{
    private readonly DemoCloud cloud = new();

    /// <summary>The external party accepts in its own console once it has been told.</summary>
    private FakeOrchestrationContext ContextWhereThePartnerAccepts() => Demo.ContextFor(cloud)
        .OnActivity<NotifyReceiverInput, bool>(nameof(NotifyReceiverActivity), notice =>
        {
            cloud.SetPeeringState(notice.PeeringConnectionId, "ACTIVE");
            return true;
        });

    [Fact]
    public async Task An_external_receiver_gets_only_initiator_side_reads_and_writes_and_no_accept_call()
    {
        var context = ContextWhereThePartnerAccepts().Decide(Demo.Accept());

        var outcome = await context.RunPeeringAsync(Demo.AlphaToExternal());

        Assert.Equal(PeeringStatus.Active, outcome.Status);
        Assert.DoesNotContain(nameof(AcceptPeeringActivity), context.Names);
        Assert.DoesNotContain(nameof(ResolveUinActivity), context.Names);
        Assert.Equal(
            new PreflightSettingsLookup(Alpha, null, ResolveReceiverUin: false),
            Assert.Single(context.InputsOf<PreflightSettingsLookup>(nameof(ResolvePreflightSettingsActivity))));
        Assert.All(
            context.Calls.Where(c => c.Name is not nameof(NotifyReceiverActivity) and not nameof(NotifyOutcomeActivity) and not nameof(ResolvePreflightSettingsActivity) and not nameof(RecordPeeringActivity)),
            c => Assert.Equal(Alpha, AccountOf(c.Input)));

        var create = Assert.Single(context.InputsOf<CreatePeeringInput>(nameof(CreatePeeringActivity)));
        Assert.Equal((ExternalVpc, DemoCloud.ExternalUin, Shanghai), (create.DestinationVpcId, create.DestinationUin, create.DestinationRegion));
        Assert.Equal(
            ["CreateRoutesActivity(alpha, ap-guangzhou, rtb-alphapcx, pcx-ab12cd34, [192.168.100.0/24])"],
            context.Calls.Where(c => c.Name == nameof(CreateRoutesActivity)).Select(CallText.Of));
        Assert.Equal([new AssociateSubnetInput(Alpha, Guangzhou, AlphaWeb, AlphaPcxTable)], context.InputsOf<AssociateSubnetInput>(nameof(AssociateSubnetActivity)));

        var notice = Assert.Single(context.InputsOf<NotifyReceiverInput>(nameof(NotifyReceiverActivity)));
        Assert.Null(notice.ReceiverAccount);
        Assert.Equal(DemoCloud.ExternalUin, notice.ReceiverUin);

        Assert.Null(outcome.Receiver!.Account);
        Assert.Empty(outcome.Receiver.CreatedRouteItemIds);
        Assert.Contains("the initiator's side", outcome.Message, StringComparison.Ordinal);
        Assert.All(context.Progress, p => Assert.Equal(SideStates.External, p.Receiver.State));
    }

    [Fact]
    public async Task Verification_for_an_external_receiver_reads_only_the_peering_as_the_initiator_sees_it()
    {
        var context = ContextWhereThePartnerAccepts().Decide(Demo.Accept());

        await context.RunPeeringAsync(Demo.AlphaToExternal());

        // The initiator's routes are checked against Tencent's CreateRoutes reply; the partner's side is not ours to read.
        var verification = context.CallsAfterFirst(nameof(AssociateSubnetActivity)).Where(c => !Demo.Writes.Contains(c.Name) && c.Name is not nameof(NotifyOutcomeActivity) and not nameof(RecordPeeringActivity)).Select(c => c.Input);
        Assert.Equal([new PeeringLookup(Alpha, Guangzhou, PeeringConnectionId: NewPeeringId)], verification);
    }

    [Fact]
    public async Task An_external_receivers_rejection_withdraws_our_request()
    {
        var context = Demo.ContextFor(cloud).Decide(Demo.Reject());

        var outcome = await context.RunPeeringAsync(Demo.AlphaToExternal());

        Assert.Equal(PeeringStatus.Rejected, outcome.Status);
        Assert.Equal([$"withdrew pending request {NewPeeringId}"], outcome.Undone);
        Assert.Equal([nameof(CreatePeeringActivity), nameof(DeletePeeringActivity)], Demo.WritesIn(context));
        Assert.Equal(new PeeringTarget(Alpha, Guangzhou, NewPeeringId), Assert.Single(context.InputsOf<PeeringTarget>(nameof(DeletePeeringActivity))));
    }

    [Fact]
    public async Task A_failure_with_an_external_receiver_undoes_only_the_initiators_side()
    {
        const string failure = "CreateRoutes: [InvalidParameterValue.RouteNextHopInvalid] Not yet active. (RequestId 42)";
        var context = ContextWhereThePartnerAccepts().Decide(Demo.Accept())
            .Fails<CreateRoutesInput>(nameof(CreateRoutesActivity), failure);

        var outcome = await context.RunPeeringAsync(Demo.AlphaToExternal());

        Assert.Equal(PeeringStatus.Failed, outcome.Status);
        Assert.Equal(
        [
            $"moved subnet {AlphaWeb} back to {AlphaMainTable} (alpha)",
            $"removed the routes to {NewPeeringId} from {AlphaPcxTable} (alpha)",
            $"deleted peering {NewPeeringId}",
        ], outcome.Undone);
        var last = context.Progress[^1];
        Assert.Equal(SideStates.Undone, last.Initiator.State);
        Assert.Equal(SideStates.External, last.Receiver.State);
    }

    private static string? AccountOf(object? input) => input switch
    {
        VpcTarget v => v.Account,
        PeeringLookup l => l.Account,
        PeeringTarget t => t.Account,
        CreatePeeringInput c => c.Account,
        CreateRoutesInput r => r.Account,
        DeleteRoutesInput d => d.Account,
        AssociateSubnetInput a => a.Account,
        _ => $"unexpected input {input}",
    };
}
