using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using PeeringFunctions.ChatOps.Verification;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Security.Tests;

/// <summary>
/// Item 5, chat: the local host's chat webhooks (/api/chat/slack/..., /api/chat/teams) refuse forged, tampered,
/// expired, future-dated and replayed signatures with 401, and a correctly signed request from a chat user who is
/// not on the receiver account's approver list (or is on another account's list, or only borrows an approver's
/// display name) is refused by the command handler. Afterwards nothing has changed; then the listed approver can.
/// </summary>
public sealed class ChatSignatureTests(SecuredHost fixture, ITestOutputHelper output) : IClassFixture<SecuredHost>, IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private Figures figures = null!;

    public async Task InitializeAsync()
    {
        await fixture.ResetAsync();
        figures = new Figures(output, "chat signatures");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Forged_expired_replayed_and_unlisted_chat_requests_are_refused_and_change_nothing()
    {
        var portal = fixture.Api;
        var id = (await portal.StartAcceptedAsync(PeeringRequests.CrossRegion("chat security"))).Id;
        var waiting = await portal.WaitForStepAsync(id, PeeringSteps.WaitingForAcceptance, Timeout);
        var writesBefore = fixture.Emulator.Calls().Totals.Writes;
        var now = DateTimeOffset.UtcNow;

        // Slack slash command.
        var accept = SlackForm("UMALLORY", "mallory", $"accept {id}");
        await ExpectAsync("slack: forged signature (wrong secret)", SlackCommand(accept, now, "not-the-signing-secret"), HttpStatusCode.Unauthorized);
        await ExpectAsync("slack: no signature headers", SlackCommand(accept, now, secret: null), HttpStatusCode.Unauthorized);
        await ExpectAsync("slack: body changed after signing", SlackCommand(accept, now, SecuredHost.SlackSigningSecret, signedBody: SlackForm("UMALLORY", "mallory", "help")), HttpStatusCode.Unauthorized);
        await ExpectAsync("slack: signed 10 minutes ago", SlackCommand(accept, now.AddMinutes(-10), SecuredHost.SlackSigningSecret), HttpStatusCode.Unauthorized);
        await ExpectAsync("slack: signed 10 minutes in the future", SlackCommand(accept, now.AddMinutes(10), SecuredHost.SlackSigningSecret), HttpStatusCode.Unauthorized);
        var status = SlackForm("UMALLORY", "mallory", $"status {id}");
        await ExpectAsync("slack: valid status request (first delivery)", SlackCommand(status, now, SecuredHost.SlackSigningSecret), HttpStatusCode.OK);
        await ExpectAsync("slack: the same signed bytes replayed", SlackCommand(status, now, SecuredHost.SlackSigningSecret), HttpStatusCode.Unauthorized);
        await ExpectRefusedAsync("slack: signed, user not on any approver list", SlackCommand(accept, now, SecuredHost.SlackSigningSecret));
        await ExpectRefusedAsync("slack: signed, approver of the initiator (alpha) only",
            SlackCommand(SlackForm(SecuredHost.AlphaSlackApprover, "alpha-approver", $"accept {id}"), now, SecuredHost.SlackSigningSecret));
        await ExpectRefusedAsync("slack: signed, display name borrowed from beta's approver",
            SlackCommand(SlackForm("UMALLORY", SecuredHost.BetaSlackApprover, $"reject {id}"), now, SecuredHost.SlackSigningSecret));

        // Slack button click.
        var click = "payload=" + Uri.EscapeDataString(new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = "UMALLORY", ["username"] = "mallory" },
            ["actions"] = new JsonArray(new JsonObject { ["value"] = $"accept {id}", ["action_ts"] = "1" }),
            ["trigger_id"] = "trigger-click-1",
        }.ToJsonString());
        await ExpectAsync("slack button: forged signature", SlackInteraction(click, now, "not-the-signing-secret"), HttpStatusCode.Unauthorized);
        await ExpectAsync("slack button: signed, user not on the list (acknowledged, nothing done)", SlackInteraction(click, now, SecuredHost.SlackSigningSecret), HttpStatusCode.OK);

        // Teams outgoing webhook.
        var teamsAccept = TeamsActivity("29:mallory", "Mallory", $"accept {id}", now, "t1");
        await ExpectAsync("teams: forged HMAC (wrong token)", Teams(teamsAccept, Convert.ToBase64String("another-token-of-32-bytes-length"u8.ToArray())), HttpStatusCode.Unauthorized);
        await ExpectAsync("teams: no Authorization header", Teams(teamsAccept, token: null), HttpStatusCode.Unauthorized);
        await ExpectAsync("teams: activity 10 minutes old", Teams(TeamsActivity("29:mallory", "Mallory", $"accept {id}", now.AddMinutes(-10), "t2"), SecuredHost.TeamsSecurityToken), HttpStatusCode.Unauthorized);
        var teamsStatus = TeamsActivity("29:mallory", "Mallory", $"status {id}", now, "t3");
        await ExpectAsync("teams: valid status request (first delivery)", Teams(teamsStatus, SecuredHost.TeamsSecurityToken), HttpStatusCode.OK);
        await ExpectAsync("teams: the same signed bytes replayed", Teams(teamsStatus, SecuredHost.TeamsSecurityToken), HttpStatusCode.Unauthorized);
        await ExpectRefusedAsync("teams: signed, user not on the list", Teams(teamsAccept, SecuredHost.TeamsSecurityToken));
        await ExpectRefusedAsync("teams: signed, name borrowed from beta's approver",
            Teams(TeamsActivity("29:mallory", SecuredHost.BetaTeamsApprover, $"accept {id}", now, "t4"), SecuredHost.TeamsSecurityToken));

        // Nothing changed. (That no refused request raised a decision that would act later is counted below, once the
        // listed approver's decision has been acted on.)
        var view = await portal.GetAsync(id);
        Assert.Equal(PeeringSteps.WaitingForAcceptance, view!.Step);
        Assert.Equal("PENDING", fixture.Emulator.Snapshot().Peering(waiting.PeeringConnectionId!)?.State);
        Assert.Equal(writesBefore, fixture.Emulator.Calls().Totals.Writes);
        figures.Line($"after every refused chat request: still WaitingForAcceptance, {waiting.PeeringConnectionId} still PENDING, Tencent writes since: 0");

        // beta's listed Slack approver, correctly signed, is obeyed. Decisions reach the instance in the order they
        // were raised and the first one is acted on, so when this accept is the decision taken (chat files it under a
        // hash of the platform and Slack's trigger_id), none of the refused requests raised one.
        var trigger = $"sentinel-{Guid.NewGuid():N}";
        await ExpectAsync("slack: signed, beta's listed approver accepts",
            SlackCommand(SlackForm(SecuredHost.BetaSlackApprover, "beta-approver", $"accept {id}", trigger), DateTimeOffset.UtcNow, SecuredHost.SlackSigningSecret), HttpStatusCode.OK);
        var done = await portal.WaitForEndAsync(id, Timeout);
        Assert.Equal(PeeringStatus.Active, done.State);
        var sentinelId = $"{DecisionSources.Chat}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"slack:{trigger}")))[..32]}";
        Assert.Equal(sentinelId, (await fixture.DecisionTakenAsync(id))?.DecisionId);
    }

    private async Task ExpectAsync(string what, HttpRequestMessage request, HttpStatusCode expected)
    {
        using (request)
        using (var response = await fixture.Http.SendAsync(request))
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"{what}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
            figures.Line($"{what,-66} -> {(int)response.StatusCode} {Shorten(text)}");
        }
    }

    /// <summary>Verified, so answered 200, but the command handler refuses: the reply says so.</summary>
    private async Task ExpectRefusedAsync(string what, HttpRequestMessage request)
    {
        using (request)
        using (var response = await fixture.Http.SendAsync(request))
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("only approvers of account beta", text, StringComparison.Ordinal);
            figures.Line($"{what,-66} -> 200 refused: {Shorten(text)}");
        }
    }

    private static string SlackForm(string userId, string userName, string text, string? trigger = null) =>
        $"team_id=T0001&user_id={Uri.EscapeDataString(userId)}&user_name={Uri.EscapeDataString(userName)}&command=%2Fpeering&text={Uri.EscapeDataString(text)}&trigger_id={Uri.EscapeDataString(trigger ?? Guid.NewGuid().ToString("N"))}";

    private static HttpRequestMessage SlackCommand(string form, DateTimeOffset at, string? secret, string? signedBody = null) =>
        Slack("api/chat/slack/commands", form, at, secret, signedBody);

    private static HttpRequestMessage SlackInteraction(string form, DateTimeOffset at, string? secret) =>
        Slack("api/chat/slack/interactions", form, at, secret, null);

    private static HttpRequestMessage Slack(string path, string form, DateTimeOffset at, string? secret, string? signedBody)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded") };
        if (secret is not null)
        {
            var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            request.Headers.Add(SlackRequestVerifier.TimestampHeader, timestamp);
            request.Headers.Add(SlackRequestVerifier.SignatureHeader, SlackRequestVerifier.Sign(secret, timestamp, Encoding.UTF8.GetBytes(signedBody ?? form)));
        }

        return request;
    }

    private static string TeamsActivity(string fromId, string fromName, string text, DateTimeOffset at, string activityId) => new JsonObject
    {
        ["type"] = "message",
        ["id"] = activityId,
        ["timestamp"] = at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        ["text"] = $"<at>Peering</at> {text}",
        ["from"] = new JsonObject { ["id"] = fromId, ["name"] = fromName },
    }.ToJsonString();

    private static HttpRequestMessage Teams(string body, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "api/chat/teams") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", TeamsRequestVerifier.Sign(token, Encoding.UTF8.GetBytes(body)));
        }

        return request;
    }

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 110 ? line : line[..110] + "…";
    }
}
