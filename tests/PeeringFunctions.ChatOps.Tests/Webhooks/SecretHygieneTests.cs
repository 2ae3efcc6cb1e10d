using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using PeeringFunctions.ChatOps.Http;
using PeeringFunctions.ChatOps.Slack;
using PeeringFunctions.ChatOps.Teams;
using PeeringFunctions.ChatOps.Tests.Support;
using PeeringFunctions.ChatOps.Verification;
using PeeringFunctions.ChatOps.WeCom;
using PeeringFunctions.Workflow.Contracts;
using static PeeringFunctions.ChatOps.Tests.Support.WebhookRequests;

namespace PeeringFunctions.ChatOps.Tests.Webhooks;

/// <summary>No signing secret, token or key shows up in replies, logs or what is handed to Durable.</summary>
public sealed class SecretHygieneTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private static readonly string[] Secrets =
        [Vectors.Slack.SigningSecret, Vectors.WeCom.Token, Vectors.WeCom.EncodingAesKey, Vectors.Teams.SecurityToken];

    [Fact]
    public async Task A_session_of_good_and_bad_requests_on_every_platform_leaks_no_secret()
    {
        using var host = ChatOpsHost.Create(fakeTime: Now);
        var request = PeeringInstances.AlphaToBeta();
        host.Durable.With(PeeringInstances.Waiting(request));
        var id = PeeringInstances.IdOf(request);
        var timestamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var responses = new List<ChatWebhookResponse>();

        foreach (var signature in new string?[] { null, "v0=" + new string('1', 64) })
        {
            var body = Encoding.UTF8.GetBytes(Form(("user_id", ChatOpsHost.SlackApprover), ("text", $"accept {id}"), ("trigger_id", "t" + signature)));
            responses.Add(await host.Get<SlackWebhook>().HandleCommandAsync(host.Durable.Client, Post(body, "application/x-www-form-urlencoded", new Dictionary<string, string>
            {
                [SlackRequestVerifier.TimestampHeader] = timestamp,
                [SlackRequestVerifier.SignatureHeader] = signature ?? SlackRequestVerifier.Sign(Vectors.Slack.SigningSecret, timestamp, body),
            })));
        }

        var crypto = new WeComCrypto(Vectors.WeCom.Token, Vectors.WeCom.EncodingAesKey, Vectors.WeCom.CorpId);
        var encrypted = crypto.Encrypt($"<xml><ToUserName>{Vectors.WeCom.CorpId}</ToUserName><FromUserName>ChenJiaShun</FromUserName><MsgType>text</MsgType><Content>list</Content><MsgId>7</MsgId></xml>");
        foreach (var signature in new[] { crypto.Sign(timestamp, "1", encrypted), new string('f', 40) })
        {
            var xml = Encoding.UTF8.GetBytes($"<xml><Encrypt><![CDATA[{encrypted}]]></Encrypt></xml>");
            responses.Add(await host.Get<WeComWebhook>().HandleAsync(host.Durable.Client,
                Post(xml, "text/xml", query: Query(("msg_signature", signature), ("timestamp", timestamp), ("nonce", "1")))));
        }

        var activity = Encoding.UTF8.GetBytes(new JsonObject
        {
            ["type"] = "message", ["id"] = "x1", ["timestamp"] = Now.ToString("O"), ["text"] = "<at>p</at> help",
            ["from"] = new JsonObject { ["id"] = ChatOpsHost.TeamsApprover },
        }.ToJsonString());
        foreach (var header in new[] { TeamsRequestVerifier.Sign(Vectors.Teams.SecurityToken, activity), Vectors.Teams.FixtureAuthorization })
        {
            responses.Add(await host.Get<TeamsWebhook>().HandleAsync(host.Durable.Client,
                Post(activity, "application/json", new Dictionary<string, string> { ["Authorization"] = header })));
        }

        Assert.Equal([200, 401, 200, 401, 200, 401], responses.Select(r => r.StatusCode));
        host.Logs.AssertNoneContains(Secrets);
        foreach (var response in responses)
        {
            foreach (var secret in Secrets)
            {
                Assert.DoesNotContain(secret, response.Content ?? "", StringComparison.Ordinal);
            }
        }

        var decision = host.Durable.SingleDecision();
        var persisted = System.Text.Json.JsonSerializer.Serialize(decision);
        foreach (var secret in Secrets)
        {
            Assert.DoesNotContain(secret, persisted, StringComparison.Ordinal);
        }

        Assert.Equal(DecisionSources.Chat, decision.Source);
    }
}
