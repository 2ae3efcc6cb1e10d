using System.Text.Json;
using PeeringFunctions.Workflow.Activities;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Orchestrations;
using PeeringFunctions.Workflow.Tests.Fakes;
using PeeringFunctions.Workflow.Tests.Fixtures;
using static PeeringFunctions.Workflow.Tests.Fixtures.DemoCloud;

namespace PeeringFunctions.Workflow.Tests.Orchestrations;

/// <summary>
/// Instances in flight replay their history against the code deployed now, so every path must schedule exactly what it
/// scheduled before: the same activities, inputs (as JSON), retry options, order and episodes. The expected histories in
/// Histories/ were recorded from the code before the typed activity calls and the shared undo mechanism (runs of
/// version "2.0", whose peering paths are those of runs without a version); a change that alters one needs a new
/// orchestration version, not a new golden file. Files named "-3.0" are runs of version 3.0 (pre-flight reads the
/// receiver's peerings and the quotas; a cross-region peering is read until ACTIVE after the accept), "-4.0" of
/// version 4.0 (the registry record written when the run, or its teardown, ends), "-5.0" of version 5.0 (the record
/// also written when the request exists and when the receiver accepts; a teardown records its start, with who asked, and
/// notifies both sides at its end), "-6.0" of version 6.0 (pre-flight's configuration in one activity, no outcome
/// notice without a channel, the final record and notice in one episode).
/// </summary>
public sealed class HistoryCompatibilityTests
{
    /// <summary>The version the unsuffixed peering histories were recorded under.</summary>
    private const string RecordedVersion = "2.0";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly DemoCloud cloud = new();

    [Fact]
    public async Task Teardown_of_both_sides_schedules_the_recorded_history()
    {
        var request = await PeerAlphaAndBetaAsync();

        AssertRecorded("teardown", Teardown(Demo.ContextFor(cloud), request));
    }

    [Fact]
    public async Task Teardown_with_a_failing_step_schedules_the_recorded_history()
    {
        var request = await PeerAlphaAndBetaAsync();
        var context = Demo.ContextFor(cloud)
            .Fails<DeleteRoutesInput>(nameof(DeleteRoutesActivity), "DeleteRoutes: [InternalError] Something went wrong.", when: d => d.Account == Beta);

        AssertRecorded("teardown-failing-step", Teardown(context, request));
    }

    [Fact]
    public void Teardown_of_a_peering_with_an_external_receiver_schedules_the_recorded_history()
    {
        var request = new TeardownRequest(
            NewPeeringId,
            new SideOutcome(Alpha, Guangzhou, AlphaVpc, AlphaPcxTable, ["192.168.100.0/24"], ["rti-00000101"],
                [new AssociationChange(AlphaWeb, AlphaMainTable, AlphaPcxTable), new AssociationChange(AlphaDb, AlphaMainTable, AlphaPcxTable)]),
            new SideOutcome(null, Shanghai, ExternalVpc, null, [], [], []));

        AssertRecorded("teardown-external", Teardown(Demo.ContextFor(cloud), request));
    }

    [Fact]
    public void Compensation_of_a_receiver_route_failure_schedules_the_recorded_history()
    {
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept())
            .Fails<CreateRoutesInput>(nameof(CreateRoutesActivity), "CreateRoutes: [InvalidParameterValue.RouteNextHopInvalid] No.", when: r => r.Account == Beta);

        AssertRecorded("compensation", Peering(context, Demo.AlphaToBeta()));
    }

    [Fact]
    public void Compensation_deleting_with_the_receivers_credentials_after_the_initiators_are_refused_schedules_the_recorded_history()
    {
        var context = Demo.ContextFor(cloud).Decide(Demo.Accept())
            .Fails<CreateRoutesInput>(nameof(CreateRoutesActivity), "CreateRoutes: [InvalidParameterValue.RouteNextHopInvalid] No.", when: r => r.Account == Beta)
            .Fails<PeeringTarget>(nameof(DeletePeeringActivity), "DeleteVpcPeeringConnection: [UnauthorizedOperation] No.", when: p => p.Account == Alpha);

        AssertRecorded("compensation-receiver-deletes", Peering(context, Demo.AlphaToBeta()));
    }

    [Fact]
    public void Compensation_of_a_request_whose_reply_was_lost_schedules_the_recorded_history()
    {
        var context = Demo.ContextFor(cloud)
            .Fails<CreatePeeringInput>(nameof(CreatePeeringActivity), "CreateVpcPeeringConnection: [InternalError] Lost.", transient: true);

        AssertRecorded("compensation-lost-request", Peering(context, Demo.AlphaToBeta()));
    }

    [Fact]
    public void An_accepted_peering_schedules_the_recorded_history()
    {
        AssertRecorded("accepted", Peering(Demo.ContextFor(cloud).Decide(Demo.Accept()), Demo.AlphaToBeta()));
    }

    [Fact]
    public void A_rejected_peering_schedules_the_recorded_history()
    {
        AssertRecorded("rejected", Peering(Demo.ContextFor(cloud).Decide(Demo.Reject()), Demo.AlphaToBeta()));
    }

    [Fact]
    public void An_expired_peering_schedules_the_recorded_history()
    {
        AssertRecorded("expired", Peering(Demo.ContextFor(cloud).DeadlinePasses(), Demo.AlphaToBeta()));
    }

    [Fact]
    public void A_refused_external_peering_schedules_the_recorded_history()
    {
        // Recorded before a peering across regions needed a bandwidth cap: pre-flight of version 2.0 did not ask for one.
        var recorded = Demo.AlphaToExternal() with { CrossRegion = null };

        AssertRecorded("external-rejected", Peering(Demo.ContextFor(cloud).Decide(Demo.Reject()), recorded));
    }

    [Fact]
    public void A_request_the_receiver_sent_first_schedules_the_recorded_history()
    {
        cloud.AddPeering("pcx-rev00001", Beta, Shanghai, BetaVpc, Alpha, Guangzhou, AlphaVpc, "PENDING");

        AssertRecorded("receiver-asked-first", Peering(Demo.ContextFor(cloud), Demo.AlphaToBeta()));
    }

    [Fact]
    public void A_run_without_a_version_schedules_the_recorded_history_too()
    {
        AssertRecorded("accepted", Peering(Demo.ContextFor(cloud).Decide(Demo.Accept()), Demo.AlphaToBeta(), version: ""));
    }

    [Fact]
    public void An_accepted_peering_of_version_3_also_reads_the_receivers_peerings_and_the_quotas()
    {
        AssertRecorded("accepted-3.0", Peering(Demo.ContextFor(cloud).Decide(Demo.Accept()), Demo.AlphaToBeta(), version: "3.0"));
    }

    [Fact]
    public void A_refused_external_peering_of_version_3_reads_the_quotas_but_no_receiver_side()
    {
        AssertRecorded("external-rejected-3.0", Peering(Demo.ContextFor(cloud).Decide(Demo.Reject()), Demo.AlphaToExternal(), version: "3.0"));
    }

    [Fact]
    public void An_accepted_peering_of_version_4_records_how_it_ended_in_the_registry()
    {
        AssertRecorded("accepted-4.0", Peering(Demo.ContextFor(cloud).Decide(Demo.Accept()), Demo.AlphaToBeta(), PeeringOrchestrator.RegistryVersion));
    }

    [Fact]
    public async Task A_teardown_of_version_4_that_names_its_peering_records_it_torn_down()
    {
        var request = await PeerAlphaAndBetaAsync() with { PeeringId = "peering-alpha-beta-0001" };

        AssertRecorded("teardown-4.0", Teardown(Demo.ContextFor(cloud), request, PeeringOrchestrator.RegistryVersion));
    }

    [Fact]
    public void An_accepted_peering_of_version_5_records_the_request_the_approval_and_the_end()
    {
        var request = Demo.AlphaToBeta() with { RequestedBy = "portal", RepairPolicy = "notify" };

        AssertRecorded("accepted-5.0", Peering(Demo.ContextFor(cloud).Decide(Demo.Accept()), request, PeeringOrchestrator.StepRecordsVersion));
    }

    [Fact]
    public void A_rejected_peering_of_version_5_records_the_request_and_the_end()
    {
        AssertRecorded("rejected-5.0", Peering(Demo.ContextFor(cloud).Decide(Demo.Reject()), Demo.AlphaToBeta(), PeeringOrchestrator.StepRecordsVersion));
    }

    [Fact]
    public async Task A_teardown_of_version_5_records_its_start_and_who_asked_and_notifies_both_sides()
    {
        var request = await PeerAlphaAndBetaAsync() with { PeeringId = "peering-alpha-beta-0001", RequestedBy = "approver of beta (http)", Name = "alpha-beta" };

        AssertRecorded("teardown-5.0", Teardown(Demo.ContextFor(cloud), request, PeeringOrchestrator.StepRecordsVersion));
    }

    [Fact]
    public void A_teardown_of_version_5_with_an_external_receiver_says_what_the_receiver_must_remove()
    {
        var request = new TeardownRequest(
            NewPeeringId,
            new SideOutcome(Alpha, Guangzhou, AlphaVpc, AlphaPcxTable, ["192.168.100.0/24"], ["rti-00000101"], []),
            null,
            "peering-alpha-external",
            "portal",
            "alpha-external",
            new ExternalReceiver(ExternalUin, Shanghai, ExternalVpc));

        AssertRecorded("teardown-external-5.0", Teardown(Demo.ContextFor(cloud), request, PeeringOrchestrator.StepRecordsVersion));
    }

    [Fact]
    public void An_accepted_peering_of_version_6_reads_its_settings_once_and_records_and_announces_together()
    {
        var request = Demo.AlphaToBeta() with { RequestedBy = "portal", RepairPolicy = "notify" };

        AssertRecorded("accepted-6.0", Peering(Demo.ContextFor(cloud).Decide(Demo.Accept()), request, PeeringOrchestrator.FewerStepsVersion));
    }

    [Fact]
    public void An_accepted_peering_of_version_6_without_outcome_channels_schedules_no_notice()
    {
        cloud.OutcomeDelivered = false;

        AssertRecorded("accepted-no-channel-6.0", Peering(Demo.ContextFor(cloud).Decide(Demo.Accept()), Demo.AlphaToBeta(), PeeringOrchestrator.FewerStepsVersion));
    }

    [Fact]
    public void A_rejected_peering_of_version_6_records_and_announces_together()
    {
        AssertRecorded("rejected-6.0", Peering(Demo.ContextFor(cloud).Decide(Demo.Reject()), Demo.AlphaToBeta(), PeeringOrchestrator.FewerStepsVersion));
    }

    [Fact]
    public void A_refused_external_peering_of_version_6_asks_for_no_receiver_uin()
    {
        AssertRecorded("external-rejected-6.0", Peering(Demo.ContextFor(cloud).Decide(Demo.Reject()), Demo.AlphaToExternal(), PeeringOrchestrator.FewerStepsVersion));
    }

    [Fact]
    public void A_slow_activation_under_version_3_schedules_one_read_per_pause()
    {
        cloud.ActivatesAfter(reads: 3);

        AssertRecorded("activation-slow-3.0", Peering(Demo.ContextFor(cloud).Decide(Demo.Accept()), Demo.AlphaToBeta(), PeeringOrchestrator.ActivationWaitVersion));
    }

    [Fact]
    public void A_failed_activation_under_version_3_is_compensated_with_the_recorded_history()
    {
        cloud.ActivatesAfter(reads: 1, endsAs: "FAILED");

        AssertRecorded("activation-failed-3.0", Peering(Demo.ContextFor(cloud).Decide(Demo.Accept()), Demo.AlphaToBeta(), PeeringOrchestrator.ActivationWaitVersion));
    }

    [Fact]
    public void A_request_the_receiver_sent_first_under_version_3_waits_for_its_activation()
    {
        cloud.AddPeering("pcx-rev00001", Beta, Shanghai, BetaVpc, Alpha, Guangzhou, AlphaVpc, "PENDING");

        AssertRecorded("receiver-asked-first-3.0", Peering(Demo.ContextFor(cloud), Demo.AlphaToBeta(), PeeringOrchestrator.ActivationWaitVersion));
    }

    private static IReadOnlyList<string> Peering(FakeOrchestrationContext context, PeeringRequest request, string version = RecordedVersion)
    {
        context.Version = version;
        context.RunInEpisodes(c => new PeeringOrchestrator().RunAsync(c, request));
        return History(context);
    }

    private static IReadOnlyList<string> Teardown(FakeOrchestrationContext context, TeardownRequest request, string? version = null)
    {
        if (version is not null)
        {
            context.Version = version;
        }

        context.RunInEpisodes(c => new TeardownOrchestrator().RunAsync(c, request));
        return History(context);
    }

    /// <summary>One line per scheduled activity: episode, name, input as the worker serializes it, retry options.</summary>
    internal static IReadOnlyList<string> History(FakeOrchestrationContext context) =>
    [
        .. context.Calls.Select(c =>
            $"{c.Episode} {c.Name} {JsonSerializer.Serialize(c.Input, c.Input?.GetType() ?? typeof(object), Json)}"
            + (c.Options is null ? "" : ReferenceEquals(c.Options, TencentRetry.Options) ? " +TencentRetry" : " +other options")),
    ];

    internal static void AssertRecorded(string name, IReadOnlyList<string> history)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Orchestrations", "Histories", name + ".history");
        var recorded = File.Exists(path) ? File.ReadAllLines(path) : [];
        if (!recorded.SequenceEqual(history))
        {
            // What this run scheduled, beside the build's copy, to compare (or, for a new version's history, to review and add).
            File.WriteAllLines(Path.ChangeExtension(path, ".received"), history);
        }

        Assert.Equal(recorded, history);
    }

    private async Task<TeardownRequest> PeerAlphaAndBetaAsync()
    {
        var outcome = await Demo.ContextFor(cloud).Decide(Demo.Accept()).RunPeeringAsync(Demo.AlphaToBeta());
        Assert.Equal(PeeringStatus.Active, outcome.Status);
        return new TeardownRequest(outcome.PeeringConnectionId!, outcome.Initiator, outcome.Receiver);
    }
}
