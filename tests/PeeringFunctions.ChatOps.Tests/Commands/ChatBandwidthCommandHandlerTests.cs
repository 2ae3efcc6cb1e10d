using PeeringFunctions.ChatOps.Commands;
using PeeringFunctions.ChatOps.Tests.Support;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Orchestrations;

namespace PeeringFunctions.ChatOps.Tests.Commands;

/// <summary>bandwidth &lt;id&gt; &lt;Mbps&gt; runs through PeeringOperations for the initiator's approvers (the initiator pays), and status shows the cap.</summary>
public sealed class ChatBandwidthCommandHandlerTests : IDisposable
{
    private static readonly ChatUser AlphaApprover = new(ChatPlatforms.Slack, "U0ALPHA01", "alice");
    private static readonly ChatUser BetaApprover = new(ChatPlatforms.Slack, ChatOpsHost.SlackApprover, "roadrunner");

    private readonly ChatOpsHost host = ChatOpsHost.Create();
    private readonly PeeringRequest request = PeeringInstances.AlphaToBeta();
    private readonly string id = PeeringInstances.IdOf(PeeringInstances.AlphaToBeta());

    private DurableFake Durable => host.Durable;

    private Task<ChatReply> SayAsync(string text, ChatUser user) =>
        host.Get<ChatCommandHandler>().HandleTextAsync(Durable.Client, text, user, null, CancellationToken.None);

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task An_approver_of_the_initiator_starts_the_change_and_is_told_where_to_watch_it()
    {
        Durable.With(BandwidthChangeInstances.ActivePeering(request, verifiedMbps: 100));

        var reply = await SayAsync($"bandwidth {id} 300", AlphaApprover);

        var started = Assert.Single(Durable.Started);
        Assert.Equal(nameof(BandwidthChangeOrchestrator), started.Orchestrator);
        Assert.Equal(new BandwidthChangeRequest(PeeringInstances.Pcx, "alpha", "ap-guangzhou", 300), started.Input);
        Assert.Equal(ChatReplyKind.Done, reply.Kind);
        Assert.StartsWith("Changing the bandwidth cap of “web-to-db” to 300 Mbps", reply.Text, StringComparison.Ordinal);
        Assert.EndsWith($"Status: {ChatOpsHost.PortalBaseUrl}/api/peerings/{id}", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_approver_of_the_receiver_only_is_refused_because_the_initiator_is_billed()
    {
        Durable.With(BandwidthChangeInstances.ActivePeering(request, verifiedMbps: 100));

        var reply = await SayAsync($"bandwidth {id} 300", BetaApprover);

        Assert.Equal(ChatReplyKind.Refused, reply.Kind);
        Assert.Contains("only approvers of account alpha", reply.Text, StringComparison.Ordinal);
        Assert.Empty(Durable.Started);
    }

    [Theory]
    [InlineData(0, "must be at least 1 Mbps")]
    [InlineData(6000, "must be at most 5000 Mbps")]
    public async Task A_cap_outside_1_to_5000_is_invalid_and_nothing_is_looked_up_or_started(long mbps, string rule)
    {
        var reply = await SayAsync($"bandwidth {id} {mbps}", AlphaApprover);

        Assert.Equal(ChatReplyKind.Invalid, reply.Kind);
        Assert.Contains(rule, reply.Text, StringComparison.Ordinal);
        Assert.Empty(Durable.Started);
        Assert.Empty(Durable.Mock.Invocations);
    }

    [Fact]
    public async Task An_intra_region_peering_is_a_conflict_and_nothing_is_started()
    {
        var sameRegion = new PeeringRequest(
            "same-region",
            new PeeringSide("ap-guangzhou", "vpc-alpha001", Account: "alpha"),
            new PeeringSide("ap-guangzhou", "vpc-betagz01", Account: "beta"));
        Durable.With(BandwidthChangeInstances.ActivePeering(sameRegion, verifiedMbps: 0));

        var reply = await SayAsync($"bandwidth {PeeringInstances.IdOf(sameRegion)} 300", AlphaApprover);

        Assert.Equal(ChatReplyKind.Conflict, reply.Kind);
        Assert.Contains("no bandwidth cap", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed.", reply.Text, StringComparison.Ordinal);
        Assert.Empty(Durable.Started);
    }

    [Fact]
    public async Task A_change_while_another_runs_is_a_conflict()
    {
        Durable.With(BandwidthChangeInstances.ActivePeering(request, verifiedMbps: 100))
            .With(BandwidthChangeInstances.Running(id, requestedMbps: 200));

        var reply = await SayAsync($"bandwidth {id} 300", AlphaApprover);

        Assert.Equal(ChatReplyKind.Conflict, reply.Kind);
        Assert.Contains("already running", reply.Text, StringComparison.Ordinal);
        Assert.Empty(Durable.Started);
    }

    [Fact]
    public async Task An_unknown_peering_is_not_found()
    {
        var reply = await SayAsync("bandwidth peering-vpc-zzzzzzzz-vpc-yyyyyyyy 300", AlphaApprover);

        Assert.Equal(ChatReplyKind.NotFound, reply.Kind);
        Assert.Empty(Durable.Started);
    }

    [Fact]
    public async Task Status_shows_the_cap_tencent_last_reported_and_how_the_last_change_ended()
    {
        Durable.With(BandwidthChangeInstances.ActivePeering(request, verifiedMbps: 100))
            .With(BandwidthChangeInstances.Ended(id, requestedMbps: 300, BandwidthChangeStatus.Changed, readMbps: 300, message: "pcx-demo0001 now has a bandwidth cap of 300 Mbps."));

        var reply = await SayAsync($"status {id}", AlphaApprover);

        Assert.Contains("Bandwidth: 300 Mbps, as Tencent reported it after the last change.", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Last bandwidth change, to 300 Mbps: Changed.", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_of_a_change_still_running_shows_its_step_next_to_the_last_read()
    {
        Durable.With(BandwidthChangeInstances.ActivePeering(request, verifiedMbps: 100))
            .With(BandwidthChangeInstances.Running(id, requestedMbps: 300, BandwidthChangeSteps.Changing));

        var reply = await SayAsync($"status {id}", AlphaApprover);

        Assert.Contains("Bandwidth: 100 Mbps, as Tencent reported it when the peering was verified.", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Bandwidth change to 300 Mbps: Changing.", reply.Text, StringComparison.Ordinal);
    }
}
