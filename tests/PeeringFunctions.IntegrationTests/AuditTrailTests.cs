using System.Net;
using System.Text.Json.Nodes;
using PeeringFunctions.IntegrationTests.Support;
using PeeringFunctions.Registry.Audit;
using PeeringFunctions.Workflow.Contracts;
using TencentVpcEmulator;
using static PeeringFunctions.IntegrationTests.ActiveAssertions;
using static PeeringFunctions.Testing.Builders.DemoIds;

namespace PeeringFunctions.IntegrationTests;

/// <summary>
/// The audit trail through the local host and the emulator: who asked, who decided through which channel, and every
/// Tencent write with the RequestId the emulator answered, in order; kept outside Durable history, so a purge loses none.
/// </summary>
public sealed class AuditTrailTests(LocalHostFixture fixture) : IntegrationTest(fixture), IClassFixture<LocalHostFixture>
{
    [Fact]
    public async Task A_peering_requested_over_http_and_accepted_lists_every_step_in_order_with_the_emulators_request_ids_and_survives_a_purge_and_its_teardown_is_added()
    {
        var started = await Api.StartAcceptedAsync(PeeringRequests.CrossRegion());
        await Api.WaitForStepAsync(started.Id, PeeringSteps.WaitingForAcceptance);
        await Api.DecideAcceptedAsync(started.Id, accept: true, ApproverKey(Beta));
        AssertActive(await Api.WaitForEndAsync(started.Id), Emulator.Snapshot(), AlphaVpc, BetaVpc);

        var entries = await AuditAsync(started.Id);

        // In order of time, from the request to the verified end.
        Assert.Equal(entries.OrderBy(e => e.At).Select(e => e.At), entries.Select(e => e.At));
        var request = entries[0];
        Assert.Equal(AuditKinds.RequestReceived, request.Kind);
        Assert.StartsWith("portal", request.Actor, StringComparison.Ordinal);
        Assert.Equal(AuditChannels.Http, request.Channel);
        var accepted = Assert.Single(entries, e => e.Kind == AuditKinds.Accepted);
        Assert.Equal(($"approver of {Beta}", AuditChannels.Http), (accepted.Actor, accepted.Channel));
        Assert.Equal(
            ["CreateVpcPeeringConnection", "AcceptVpcPeeringConnection"],
            Writes(entries).Select(e => ActionOf(e)).Where(a => a.Contains("Peering", StringComparison.Ordinal)));
        Assert.True(IndexOf(entries, "CreateVpcPeeringConnection") < entries.IndexOf(accepted), "the request was created before the decision");
        Assert.True(entries.IndexOf(accepted) < IndexOf(entries, "AcceptVpcPeeringConnection"), "the receiver decided before we accepted");
        Assert.True(IndexOf(entries, "AcceptVpcPeeringConnection") < IndexOf(entries, "CreateRoutes"), "routes only after the accept");
        Assert.Contains(entries, e => e.Kind == AuditKinds.TencentWrite && ActionOf(e) == "ReplaceRouteTableAssociation" && e.Actor == Beta);
        var end = entries[^1];
        Assert.Equal((AuditKinds.StateRecorded, AuditChannels.Workflow), (end.Kind, end.Channel));
        Assert.StartsWith("Active", end.Summary, StringComparison.Ordinal);

        // Every write the emulator answered is in the trail under its RequestId and action, and nothing else is.
        var answered = Emulator.Writes().Where(w => !w.IsError).Select(w => (w.Action, w.RequestId)).Order().ToList();
        Assert.NotEmpty(answered);
        Assert.Equal(answered, Writes(entries).Select(e => (ActionOf(e), e.RequestId!)).Order().ToList());

        // Durable history gone: the trail is all there still.
        await Client.PurgeInstanceAsync(started.Id);
        Assert.Null(await Client.GetInstanceAsync(started.Id));
        Assert.Equal(entries, await AuditAsync(started.Id));

        // A teardown (the portal's DELETE) adds who asked, what it removed on Tencent, and how it ended.
        using (var teardown = await Api.TeardownAsync(started.Id))
        {
            Assert.Equal(HttpStatusCode.Accepted, teardown.StatusCode);
        }

        await Api.WaitUntilAsync(started.Id, v => v.State == LifecycleStates.TornDown, "torn down");
        var after = await AuditAsync(started.Id);
        Assert.Equal(entries, after.Take(entries.Count));
        var added = after.Skip(entries.Count).ToList();
        var asked = added[0];
        Assert.Equal(AuditKinds.TeardownRequested, asked.Kind);
        Assert.StartsWith("portal", asked.Actor, StringComparison.Ordinal);
        Assert.Contains(added, e => e.Kind == AuditKinds.TencentWrite && ActionOf(e) == "DeleteRoutes");
        Assert.Contains(added, e => e.Kind == AuditKinds.TencentWrite && ActionOf(e) == "DeleteVpcPeeringConnection");
        Assert.StartsWith(RegistryStatesTornDown, added[^1].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_peering_lists_the_rejection_with_who_and_the_channel_and_how_the_request_was_closed()
    {
        var started = await Api.StartAcceptedAsync(PeeringRequests.CrossRegion());
        await Api.WaitForStepAsync(started.Id, PeeringSteps.WaitingForAcceptance);
        await Api.DecideAcceptedAsync(started.Id, accept: false, ApproverKey(Beta));
        Assert.Equal(PeeringStatus.Rejected, (await Api.WaitForEndAsync(started.Id)).State);

        var entries = await AuditAsync(started.Id);

        var rejected = Assert.Single(entries, e => e.Kind == AuditKinds.Rejected);
        Assert.Equal(($"approver of {Beta}", AuditChannels.Http), (rejected.Actor, rejected.Channel));
        var closing = Writes(entries).Where(e => e.At > rejected.At).ToList();
        Assert.NotEmpty(closing);
        Assert.All(closing, e => Assert.False(string.IsNullOrEmpty(e.RequestId)));
        Assert.DoesNotContain(entries, e => ActionOf(e) == "CreateRoutes");
        Assert.StartsWith(PeeringStatus.Rejected, entries[^1].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_lists_the_write_tencent_refused_then_what_was_undone_then_the_reason()
    {
        // Only the first CreateRoutes fails for good: the other side's routes were created and are removed again.
        Emulator.AddFault(new FaultRule { Action = "CreateRoutes", Code = "LimitExceeded", Message = "route table is full", Count = 1 });

        var started = await Api.StartAcceptedAsync(PeeringRequests.SameAccount());
        Assert.Equal(PeeringStatus.Failed, (await Api.WaitForEndAsync(started.Id)).State);
        var entries = await AuditAsync(started.Id);

        var refused = Assert.Single(entries, e => e.Kind == AuditKinds.TencentWriteFailed);
        Assert.StartsWith("CreateRoutes failed with LimitExceeded", refused.Summary, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(refused.RequestId));
        var undone = Writes(entries).Where(e => entries.IndexOf(e) > entries.IndexOf(refused)).Select(ActionOf).ToList();
        Assert.Contains("DeleteRoutes", undone);
        Assert.Equal("DeleteVpcPeeringConnection", undone[^1]);
        var end = entries[^1];
        Assert.Equal(AuditKinds.StateRecorded, end.Kind);
        Assert.StartsWith($"{PeeringStatus.Failed}: Failed at {PeeringSteps.Configuring}", end.Summary, StringComparison.Ordinal);
        Assert.Contains("LimitExceeded", end.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_of_an_id_nobody_knows_is_not_found()
    {
        using var response = await Api.Http.GetAsync("api/peerings/peering-vpc-nobody-vpc-nothing/audit");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private const string RegistryStatesTornDown = PeeringFunctions.Registry.RegistryStates.TornDown;

    private async Task<List<AuditEntry>> AuditAsync(string id) =>
        [.. (await Api.AuditAsync(id)).Select(e => new AuditEntry(id, e.At, e.Kind, e.Actor, e.Channel, e.Summary, e.RequestId, ""))];

    private static IEnumerable<AuditEntry> Writes(IEnumerable<AuditEntry> entries) => entries.Where(e => e.Kind == AuditKinds.TencentWrite);

    /// <summary>A Tencent write's summary starts with its action ("CreateRoutes in ap-guangzhou: …").</summary>
    private static string ActionOf(AuditEntry entry) => entry.Summary.Split(' ')[0];

    private static int IndexOf(List<AuditEntry> entries, string action) =>
        entries.FindIndex(e => e.Kind == AuditKinds.TencentWrite && ActionOf(e) == action);
}
