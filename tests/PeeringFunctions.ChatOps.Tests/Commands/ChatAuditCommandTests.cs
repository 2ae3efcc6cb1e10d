using PeeringFunctions.ChatOps.Commands;
using PeeringFunctions.ChatOps.Tests.Support;
using PeeringFunctions.Registry.Audit;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.ChatOps.Tests.Commands;

/// <summary>"audit &lt;id&gt;": the peering's trail in chat, for whoever may ask for its status; chat decisions go into it.</summary>
public sealed class ChatAuditCommandTests : IDisposable
{
    private static readonly ChatUser SlackApprover = new(ChatPlatforms.Slack, ChatOpsHost.SlackApprover, "roadrunner");
    private static readonly ChatUser Stranger = new(ChatPlatforms.Teams, "29:stranger", "coyote");
    private static readonly DateTimeOffset At = new(2026, 12, 1, 8, 15, 0, TimeSpan.Zero);

    private readonly ChatOpsHost host = ChatOpsHost.Create();
    private readonly PeeringRequest request = PeeringInstances.AlphaToBeta();
    private readonly string id = PeeringInstances.IdOf(PeeringInstances.AlphaToBeta());

    private Task<ChatReply> SayAsync(string text, ChatUser user, string? deliveryId = null) =>
        host.Get<ChatCommandHandler>().HandleTextAsync(host.Durable.Client, text, user, deliveryId, CancellationToken.None);

    public void Dispose() => host.Dispose();

    [Theory]
    [InlineData("audit {0}")]
    [InlineData("/peering audit {0}")]
    [InlineData("history {0}")]
    public void Audit_takes_one_peering_id(string text)
    {
        var parsed = ChatCommandParser.Parse(string.Format(System.Globalization.CultureInfo.InvariantCulture, text, id));

        Assert.Equal((ChatVerb.Audit, id), (parsed.Command?.Verb, parsed.Command?.Target));
        Assert.Contains("audit <id>", ChatCommandParser.Usage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anyone_who_may_ask_for_status_gets_the_trail_in_order_with_who_the_channel_and_tencents_request_id()
    {
        host.Durable.With(PeeringInstances.Active(request));
        var trail = host.Get<IAuditTrail>();
        await trail.AppendAsync(new AuditEntry(id, At.AddMinutes(1), AuditKinds.TencentWrite, "alpha", AuditChannels.Tencent,
            "CreateVpcPeeringConnection in ap-guangzhou: requested peering pcx-ab12cd34", "req-create-1", "tencent:req-create-1"));
        await trail.AppendAsync(new AuditEntry(id, At, AuditKinds.RequestReceived, "slack:U0ALPHA01", AuditChannels.Slack,
            "Requested \"web-to-db\".", null, "request-received:1"));

        var reply = await SayAsync($"audit {id}", Stranger);

        Assert.Equal(ChatReplyKind.Info, reply.Kind);
        var lines = reply.Text.Split('\n');
        Assert.Equal($"Audit of {id}: 2 entries:", lines[0]);
        Assert.Equal("• 2026-12-01 08:15:00Z request-received — slack:U0ALPHA01 via slack: Requested \"web-to-db\".", lines[1]);
        Assert.Equal("• 2026-12-01 08:16:00Z tencent-write — alpha via tencent: CreateVpcPeeringConnection in ap-guangzhou: requested peering pcx-ab12cd34 (RequestId req-create-1)", lines[2]);
        Assert.Empty(host.Durable.Raised);
    }

    [Fact]
    public async Task An_accept_in_chat_goes_into_the_trail_with_the_chat_user_and_their_platform_once_per_delivery()
    {
        host.Durable.With(PeeringInstances.Waiting(request));

        await SayAsync($"accept {id}", SlackApprover, deliveryId: "398738663015.47445629121");
        await SayAsync($"accept {id}", SlackApprover, deliveryId: "398738663015.47445629121");

        var entry = Assert.Single(await host.Get<IAuditTrail>().ListAsync(id));
        Assert.Equal((AuditKinds.Accepted, "slack:U2CERLKJA", AuditChannels.Slack), (entry.Kind, entry.Actor, entry.Channel));
    }

    [Fact]
    public async Task The_audit_of_an_unknown_peering_is_not_found()
    {
        var reply = await SayAsync("audit peering-vpc-none0001-vpc-none0002", Stranger);

        Assert.Equal(ChatReplyKind.NotFound, reply.Kind);
    }
}
