using PeeringFunctions.Registry;
using PeeringFunctions.Workflow.Activities;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Orchestrations;
using PeeringFunctions.Workflow.Tests.Fakes;
using PeeringFunctions.Workflow.Tests.Fixtures;
using static PeeringFunctions.Workflow.Tests.Fixtures.DemoCloud;

namespace PeeringFunctions.Workflow.Tests.Orchestrations;

/// <summary>From version 5.0 the registry is written at each step that changes it, not only at the end.</summary>
public sealed class StepRecordTests
{
    private readonly DemoCloud cloud = new();

    [Fact]
    public async Task The_record_is_Requested_with_who_asked_and_its_repair_policy_once_the_pcx_exists()
    {
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept());

        await context.RunPeeringAsync(Demo.AlphaToBeta() with { RequestedBy = "portal", RepairPolicy = RepairPolicies.Notify });

        var first = context.InputsOf<RegisteredPeering>(nameof(RecordPeeringActivity)).First();
        Assert.Equal((RegistryStates.Requested, NewPeeringId), (first.State, first.PeeringConnectionId));
        Assert.Equal(("portal", RepairPolicies.Notify, (string?)null), (first.RequestedBy, first.RepairPolicy, first.ApprovedBy));
        Assert.Equal([new RegisteredAssociation(BetaApp, BetaMainTable, BetaPcxTable)], first.Receiver.AssociationChanges);
        Assert.Equal(nameof(NotifyReceiverActivity), context.Names[context.Names.ToList().IndexOf(nameof(RecordPeeringActivity)) + 1]);
    }

    [Fact]
    public async Task The_approval_is_recorded_with_who_and_through_which_channel_before_anything_is_written_on_the_receivers_side()
    {
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept());

        await context.RunPeeringAsync(Demo.AlphaToBeta());

        var records = context.InputsOf<RegisteredPeering>(nameof(RecordPeeringActivity)).ToList();
        Assert.Equal([RegistryStates.Requested, RegistryStates.Requested, RegistryStates.Active], records.Select(r => r.State));
        Assert.Equal("ops@beta (http)", records[1].ApprovedBy);
        Assert.Equal("ops@beta (http)", cloud.Registry.Values.Single().ApprovedBy);
        var names = context.Names.ToList();
        Assert.Equal(nameof(RecordPeeringActivity), names[names.IndexOf(nameof(AcceptPeeringActivity)) - 1]);
    }

    [Fact]
    public async Task A_rejection_records_no_approver_and_ends_Rejected()
    {
        var context = Demo.ContextFor(cloud).Decide(Demo.Reject());

        await context.RunPeeringAsync(Demo.AlphaToBeta());

        var record = cloud.Registry.Values.Single();
        Assert.Equal((RegistryStates.Rejected, (string?)null), (record.State, record.ApprovedBy));
        Assert.Equal(2, context.InputsOf<RegisteredPeering>(nameof(RecordPeeringActivity)).Count());
    }

    [Fact]
    public async Task A_run_of_version_4_writes_only_the_end_and_names_no_approver()
    {
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept());
        context.Version = PeeringOrchestrator.RegistryVersion;

        await context.RunPeeringAsync(Demo.AlphaToBeta());

        var record = Assert.Single(context.InputsOf<RegisteredPeering>(nameof(RecordPeeringActivity)));
        Assert.Equal((RegistryStates.Active, (string?)null), (record.State, record.ApprovedBy));
    }

    [Fact]
    public async Task A_teardown_records_TearingDown_with_who_asked_first_and_TornDown_naming_them_at_the_end()
    {
        var outcome = await Demo.ContextFor(cloud).Decide(Demo.Accept()).RunPeeringAsync(Demo.AlphaToBeta());
        var id = Assert.Single(cloud.Registry.Keys);
        var context = Demo.ContextFor(cloud);

        await context.RunTeardownAsync(new TeardownRequest(outcome.PeeringConnectionId!, outcome.Initiator, outcome.Receiver, id, "approver of beta (http)", "alpha-beta"));

        var records = context.InputsOf<TeardownRecord>(nameof(RecordTeardownActivity)).ToList();
        Assert.Equal([RegistryStates.TearingDown, RegistryStates.TornDown], records.Select(r => r.State));
        Assert.Equal(nameof(RecordTeardownActivity), context.Names[0]);
        Assert.Contains("asked by approver of beta (http)", cloud.Registry[id].Message, StringComparison.Ordinal);
        Assert.Equal(RegistryStates.TornDown, cloud.Registry[id].State);
    }

    [Fact]
    public async Task A_teardown_tells_both_sides_who_asked_and_how_it_ended()
    {
        var outcome = await Demo.ContextFor(cloud).Decide(Demo.Accept()).RunPeeringAsync(Demo.AlphaToBeta());
        var id = Assert.Single(cloud.Registry.Keys);

        await Demo.ContextFor(cloud).RunTeardownAsync(new TeardownRequest(outcome.PeeringConnectionId!, outcome.Initiator, outcome.Receiver, id, "slack:U123", "alpha-beta"));

        var notice = Assert.Single(cloud.TeardownNotices);
        Assert.Equal((Alpha, Beta, "slack:U123", TeardownStatus.Removed), (notice.InitiatorAccount, notice.ReceiverAccount, notice.RequestedBy, notice.Status));
        Assert.Null(notice.ExternalReceiverAction);
    }

    [Fact]
    public async Task An_external_receiver_is_told_in_the_outcome_and_the_notice_which_routes_to_remove_on_its_side()
    {
        var outcome = await Demo.ContextFor(cloud).Decide(Demo.Accept()).RunPeeringAsync(Demo.AlphaToExternal());
        var id = Assert.Single(cloud.Registry.Keys);

        var teardown = await Demo.ContextFor(cloud).RunTeardownAsync(new TeardownRequest(
            outcome.PeeringConnectionId!, outcome.Initiator, null, id, "portal", "alpha-partner", new ExternalReceiver(ExternalUin, Shanghai, ExternalVpc)));

        Assert.Contains($"next hop is {outcome.PeeringConnectionId}", teardown.ExternalReceiverAction, StringComparison.Ordinal);
        Assert.Contains(ExternalVpc, teardown.ExternalReceiverAction, StringComparison.Ordinal);
        Assert.Equal(teardown.ExternalReceiverAction, Assert.Single(cloud.TeardownNotices).ExternalReceiverAction);
        Assert.Contains(teardown.ExternalReceiverAction!, cloud.Registry[id].Message, StringComparison.Ordinal);
    }
}
