using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using PeeringFunctions.ChatOps.Tests.Support;
using PeeringFunctions.ChatOps.Verification;
using PeeringFunctions.ChatOps.WeCom;
using static PeeringFunctions.ChatOps.Tests.Support.WebhookRequests;

namespace PeeringFunctions.ChatOps.Tests.Webhooks;

/// <summary>The WeCom self-built app callback, end to end: URL verification, encrypted messages and card buttons.</summary>
public sealed class WeComWebhookTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private static readonly WeComCrypto Crypto = new(Vectors.WeCom.Token, Vectors.WeCom.EncodingAesKey, Vectors.WeCom.CorpId);
    private readonly string id = PeeringInstances.IdOf(PeeringInstances.AlphaToBeta());
    private readonly List<ChatOpsHost> hosts = [];

    public void Dispose() => hosts.ForEach(h => h.Dispose());

    private ChatOpsHost Host(DateTimeOffset now)
    {
        var host = ChatOpsHost.Create(fakeTime: now);
        host.Durable.With(PeeringInstances.Waiting(PeeringInstances.AlphaToBeta()));
        hosts.Add(host);
        return host;
    }

    private static string TextMessage(string from, string content, string msgId = "1456453720") =>
        $"<xml><ToUserName><![CDATA[{Vectors.WeCom.CorpId}]]></ToUserName><FromUserName><![CDATA[{from}]]></FromUserName>" +
        $"<CreateTime>{Now.ToUnixTimeSeconds()}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{content}]]></Content>" +
        $"<MsgId>{msgId}</MsgId><AgentID>1000002</AgentID></xml>";

    private static string CardClick(string from, string eventKey, string taskId) =>
        $"<xml><ToUserName><![CDATA[{Vectors.WeCom.CorpId}]]></ToUserName><FromUserName><![CDATA[{from}]]></FromUserName>" +
        $"<CreateTime>{Now.ToUnixTimeSeconds()}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[template_card_event]]></Event>" +
        $"<EventKey><![CDATA[{eventKey}]]></EventKey><TaskId><![CDATA[{taskId}]]></TaskId><CardType><![CDATA[button_interaction]]></CardType>" +
        "<ResponseCode><![CDATA[rc-1]]></ResponseCode><AgentID>1000002</AgentID></xml>";

    /// <summary>A callback as WeCom sends it: the message encrypted, signed over token/timestamp/nonce/ciphertext.</summary>
    private static HttpRequest Callback(string plaintext, string? signature = null, string nonce = "1597212914", DateTimeOffset? at = null)
    {
        var encrypted = Crypto.Encrypt(plaintext);
        var timestamp = (at ?? Now).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var body = $"<xml><ToUserName><![CDATA[{Vectors.WeCom.CorpId}]]></ToUserName>\n<Encrypt><![CDATA[{encrypted}]]></Encrypt>\n<AgentID><![CDATA[1000002]]></AgentID>\n</xml>";
        return Post(Encoding.UTF8.GetBytes(body), "text/xml", query: Query(
            ("msg_signature", signature ?? Crypto.Sign(timestamp, nonce, encrypted)), ("timestamp", timestamp), ("nonce", nonce)));
    }

    /// <summary>Checks the passive reply's envelope signature and returns the decrypted reply message.</summary>
    private static XElement OpenReply(string body)
    {
        var envelope = XElement.Parse(body);
        var encrypted = envelope.Element("Encrypt")!.Value;
        Assert.True(Crypto.SignatureMatches(envelope.Element("MsgSignature")!.Value, envelope.Element("TimeStamp")!.Value, envelope.Element("Nonce")!.Value, encrypted));
        return XElement.Parse(Crypto.Decrypt(encrypted)!);
    }

    [Fact]
    public async Task The_official_URL_verification_is_answered_with_the_decrypted_echostr_as_plain_text()
    {
        var host = Host(Vectors.WeCom.UrlNow);
        var request = Get(Query(
            ("msg_signature", Vectors.WeCom.UrlSignature), ("timestamp", Vectors.WeCom.UrlTimestamp),
            ("nonce", Vectors.WeCom.UrlNonce), ("echostr", Vectors.WeCom.EchoStr)));

        var response = await host.Get<WeComWebhook>().HandleAsync(host.Durable.Client, request);
        var (status, contentType, body) = await SendAsync(response, request);

        Assert.Equal(200, status);
        Assert.StartsWith("text/plain", contentType, StringComparison.Ordinal);
        Assert.Equal(Vectors.WeCom.EchoPlaintext, body);
    }

    [Fact]
    public async Task A_URL_verification_with_a_wrong_signature_is_answered_401()
    {
        var host = Host(Vectors.WeCom.UrlNow);
        var request = Get(Query(
            ("msg_signature", Vectors.WeCom.PostSignature), ("timestamp", Vectors.WeCom.UrlTimestamp),
            ("nonce", Vectors.WeCom.UrlNonce), ("echostr", Vectors.WeCom.EchoStr)));

        var response = await host.Get<WeComWebhook>().HandleAsync(host.Durable.Client, request);

        Assert.Equal(401, response.StatusCode);
        Assert.DoesNotContain(Vectors.WeCom.EchoPlaintext, response.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_official_POST_vector_is_decrypted_and_answered_with_an_encrypted_passive_reply()
    {
        var host = Host(Vectors.WeCom.PostNow);
        var request = Post(Encoding.UTF8.GetBytes(Vectors.WeCom.PostBody), "text/xml", query: Query(
            ("msg_signature", Vectors.WeCom.PostSignature), ("timestamp", Vectors.WeCom.PostTimestamp), ("nonce", Vectors.WeCom.PostNonce)));

        var response = await host.Get<WeComWebhook>().HandleAsync(host.Durable.Client, request);
        var (status, contentType, body) = await SendAsync(response, request);

        Assert.Equal(200, status);
        Assert.StartsWith("application/xml", contentType, StringComparison.Ordinal);
        var reply = OpenReply(body);
        Assert.Equal("ChenJiaShun", reply.Element("ToUserName")!.Value);
        Assert.Equal(Vectors.WeCom.CorpId, reply.Element("FromUserName")!.Value);
        Assert.Equal("text", reply.Element("MsgType")!.Value);
        Assert.StartsWith("Sorry, I don't know \"你好\".", reply.Element("Content")!.Value, StringComparison.Ordinal);
        Assert.Empty(host.Durable.Raised);
    }

    [Fact]
    public async Task An_accept_typed_by_an_allow_listed_user_raises_the_decision()
    {
        var host = Host(Now);

        var response = await host.Get<WeComWebhook>().HandleAsync(host.Durable.Client, Callback(TextMessage("ChenJiaShun", $"同意 {id}")));

        var decision = host.Durable.SingleDecision();
        Assert.True(decision.Accept);
        Assert.Equal("wecom:ChenJiaShun", decision.DecidedBy);
        Assert.StartsWith("Accepted “web-to-db” for beta.", OpenReply(response.Content!).Element("Content")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reject_button_on_a_template_card_raises_a_rejection_for_the_card_s_peering()
    {
        var host = Host(Now);

        var response = await host.Get<WeComWebhook>().HandleAsync(host.Durable.Client, Callback(CardClick("ChenJiaShun", "reject", $"{id}@1732528800")));

        var decision = host.Durable.SingleDecision();
        Assert.False(decision.Accept);
        Assert.Equal(id, host.Durable.Raised.Single().InstanceId);
        Assert.StartsWith("Rejected “web-to-db”", OpenReply(response.Content!).Element("Content")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_card_button_whose_key_is_a_whole_command_works_too()
    {
        var host = Host(Now);

        await host.Get<WeComWebhook>().HandleAsync(host.Durable.Client, Callback(CardClick("ChenJiaShun", $"accept {id}", "task-1")));

        Assert.True(host.Durable.SingleDecision().Accept);
    }

    [Fact]
    public async Task A_card_button_that_asks_for_a_request_does_nothing()
    {
        var host = Host(Now);

        var response = await host.Get<WeComWebhook>().HandleAsync(host.Durable.Client, Callback(CardClick("ChenJiaShun", "request", "name=x")));

        Assert.Empty(host.Durable.Raised);
        Assert.Empty(host.Durable.Started);
        Assert.Contains("doesn't stand for anything", OpenReply(response.Content!).Element("Content")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_not_on_the_list_is_refused_politely_and_nothing_is_raised()
    {
        var host = Host(Now);

        var response = await host.Get<WeComWebhook>().HandleAsync(host.Durable.Client, Callback(CardClick("ZhangSan", "accept", id)));

        Assert.Empty(host.Durable.Raised);
        Assert.Contains("only approvers of account beta", OpenReply(response.Content!).Element("Content")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_callback_with_a_wrong_signature_is_answered_401_and_nothing_is_raised()
    {
        var host = Host(Now);

        var response = await host.Get<WeComWebhook>().HandleAsync(host.Durable.Client, Callback(TextMessage("ChenJiaShun", $"accept {id}"), signature: new string('0', 40)));

        Assert.Equal(401, response.StatusCode);
        Assert.Empty(host.Durable.Raised);
    }

    [Fact]
    public async Task An_old_callback_is_answered_401()
    {
        var host = Host(Now);

        var response = await host.Get<WeComWebhook>().HandleAsync(host.Durable.Client, Callback(TextMessage("ChenJiaShun", $"accept {id}"), at: Now.AddMinutes(-10)));

        Assert.Equal(401, response.StatusCode);
        Assert.Empty(host.Durable.Raised);
    }

    [Fact]
    public async Task A_replayed_callback_is_refused_the_second_time()
    {
        var host = Host(Now);
        var first = Callback(TextMessage("ChenJiaShun", $"accept {id}"));
        var bytes = ((MemoryStream)first.Body).ToArray();
        var replay = Post(bytes, "text/xml", query: first.QueryString.Value);

        var answers = new[]
        {
            await host.Get<WeComWebhook>().HandleAsync(host.Durable.Client, first),
            await host.Get<WeComWebhook>().HandleAsync(host.Durable.Client, replay),
        };

        Assert.Equal([200, 401], answers.Select(a => a.StatusCode));
        Assert.Single(host.Durable.Raised);
    }

    [Fact]
    public async Task A_body_that_is_not_WeCom_XML_is_answered_400()
    {
        var host = Host(Now);

        var response = await host.Get<WeComWebhook>().HandleAsync(host.Durable.Client,
            Post(Encoding.UTF8.GetBytes("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xml>&e;</xml>"), "text/xml", query: "?msg_signature=x&timestamp=1&nonce=1"));

        Assert.Equal(400, response.StatusCode);
    }

    [Fact]
    public async Task Other_events_are_acknowledged_with_success()
    {
        var host = Host(Now);
        var enter = $"<xml><ToUserName>{Vectors.WeCom.CorpId}</ToUserName><FromUserName>ChenJiaShun</FromUserName><CreateTime>1</CreateTime>" +
            "<MsgType>event</MsgType><Event>enter_agent</Event><EventKey></EventKey><AgentID>1000002</AgentID></xml>";

        var response = await host.Get<WeComWebhook>().HandleAsync(host.Durable.Client, Callback(enter));

        Assert.Equal((200, "success"), (response.StatusCode, response.Content));
    }
}
