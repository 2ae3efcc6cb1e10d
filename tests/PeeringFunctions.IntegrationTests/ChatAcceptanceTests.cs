using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PeeringFunctions.IntegrationTests.Support;
using PeeringFunctions.Registry;
using PeeringFunctions.Workflow.Contracts;
using static PeeringFunctions.IntegrationTests.ActiveAssertions;

namespace PeeringFunctions.IntegrationTests;

/// <summary>
/// A receiver deciding in Slack: the signed /peering command reaches the local host's webhook, which raises the same
/// decision event as every other source; a chat user who is not an approver is refused and nothing changes.
/// </summary>
public sealed class ChatAcceptanceTests(ChatOpsHostFixture fixture) : IntegrationTest(fixture), IClassFixture<ChatOpsHostFixture>
{
    [Fact]
    public async Task An_approver_accepting_in_slack_completes_the_peering_verified_active()
    {
        var started = await Api.StartAcceptedAsync(PeeringRequests.CrossRegion());
        await Api.WaitForStepAsync(started.Id, PeeringSteps.WaitingForAcceptance);

        var (status, reply) = await SlackCommandAsync(ChatOpsHostFixture.BetaApprover, $"accept {started.Id}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(started.Id, reply, StringComparison.Ordinal);
        var finished = await Api.WaitForEndAsync(started.Id);
        var state = Emulator.Snapshot();
        var peering = AssertActive(finished, state, DemoIds.AlphaVpc, DemoIds.BetaVpc);
        AssertRoutesVia(state, DemoIds.AlphaPeeringTable, peering.PeeringConnectionId, "172.16.0.0/16");
        AssertRoutesVia(state, DemoIds.BetaPeeringTable, peering.PeeringConnectionId, "10.10.0.0/16");
    }

    [Fact]
    public async Task A_chat_user_who_is_not_an_approver_is_refused_and_the_peering_keeps_waiting()
    {
        var started = await Api.StartAcceptedAsync(PeeringRequests.CrossRegion());
        var waiting = await Api.WaitForStepAsync(started.Id, PeeringSteps.WaitingForAcceptance);

        var (status, reply) = await SlackCommandAsync(ChatOpsHostFixture.Bystander, $"accept {started.Id}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("nothing was changed", reply, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(PeeringSteps.WaitingForAcceptance, (await Api.GetAsync(started.Id)).Step);
        Assert.Equal("PENDING", Emulator.Snapshot().Peering(waiting.PeeringConnectionId!)?.State);

        // Then beta's approver rejects over the API: decisions reach the instance in the order they were raised and
        // the first one is acted on, so when this one is the one taken, the bystander's command raised none.
        var end = await Api.DecideAndSeeItTakenAsync(Fixture, started.Id, accept: false, DemoIds.ApproverKey(DemoIds.Beta));
        Assert.Equal(PeeringStatus.Rejected, end.State);
    }

    [Fact]
    public async Task A_forged_slack_signature_is_refused_before_anything_happens()
    {
        var started = await Api.StartAcceptedAsync(PeeringRequests.CrossRegion());
        await Api.WaitForStepAsync(started.Id, PeeringSteps.WaitingForAcceptance);

        var (status, _) = await SlackCommandAsync(ChatOpsHostFixture.BetaApprover, $"accept {started.Id}", secret: "not-the-signing-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(PeeringSteps.WaitingForAcceptance, (await Api.GetAsync(started.Id)).Step);
    }

    [Fact]
    public async Task A_receivers_approver_tears_a_purged_peering_down_in_Slack_and_the_record_names_them_while_a_bystander_is_refused()
    {
        var started = await Api.StartAcceptedAsync(PeeringRequests.CrossRegion());
        await Api.WaitForStepAsync(started.Id, PeeringSteps.WaitingForAcceptance);
        await Api.DecideAcceptedAsync(started.Id, accept: true, DemoIds.ApproverKey(DemoIds.Beta));
        var pcx = (await Api.WaitForEndAsync(started.Id)).PeeringConnectionId!;
        await Client.PurgeInstanceAsync(started.Id);

        var (refusedStatus, refused) = await SlackCommandAsync(ChatOpsHostFixture.Bystander, $"teardown {started.Id}");
        Assert.Equal(HttpStatusCode.OK, refusedStatus);
        Assert.Contains("only approvers of account beta", refused, StringComparison.Ordinal);
        Assert.Null(await Client.GetInstanceAsync(started.Id + "-teardown"));

        var (status, reply) = await SlackCommandAsync(ChatOpsHostFixture.BetaApprover, $"teardown {started.Id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Tearing down", reply, StringComparison.Ordinal);
        await Api.WaitUntilAsync(started.Id, v => v.State == LifecycleStates.TornDown, "torn down");

        Assert.Equal("DELETED", Emulator.Snapshot().Peering(pcx)!.State);
        var record = await Fixture.Host.Services.GetRequiredService<IPeeringRegistry>().GetAsync(started.Id);
        Assert.Contains($"asked by slack:{ChatOpsHostFixture.BetaApprover}", record!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_approver_finds_a_console_made_peering_with_discovered_and_adopts_it_in_slack_while_a_bystander_can_do_neither()
    {
        var pcx = await ConsolePeering.PeerAsync(Fixture);
        Emulator.ResetCalls();

        var listing = TextOf(await SlackCommandAsync(ChatOpsHostFixture.BetaApprover, "discovered"));
        var notListed = TextOf(await SlackCommandAsync(ChatOpsHostFixture.Bystander, "discovered"));
        var notAdopted = TextOf(await SlackCommandAsync(ChatOpsHostFixture.Bystander, $"adopt {pcx} beta/{DemoIds.Guangzhou}"));
        Assert.Null(await Fixture.Host.Services.GetRequiredService<IPeeringRegistry>().GetAsync(ConsolePeering.PairId));
        var adopted = TextOf(await SlackCommandAsync(ChatOpsHostFixture.BetaApprover, $"adopt {pcx} beta/{DemoIds.Guangzhou} notify"));

        Assert.Contains($"• {pcx} ", listing, StringComparison.Ordinal);
        Assert.Contains($"adopt {pcx} {DemoIds.Alpha}/{DemoIds.Guangzhou}", listing, StringComparison.Ordinal);
        Assert.Contains("for approvers of one of our accounts", notListed, StringComparison.Ordinal);
        Assert.Contains("only approvers of account beta", notAdopted, StringComparison.Ordinal);
        Assert.StartsWith($"Adopted {pcx} as", adopted, StringComparison.Ordinal);
        var record = await Fixture.Host.Services.GetRequiredService<IPeeringRegistry>().GetAsync(ConsolePeering.PairId);
        Assert.Equal((RegistryStates.Active, PeeringOrigins.Adopted, RepairPolicies.Notify, $"slack:{ChatOpsHostFixture.BetaApprover}"),
            (record!.State, record.Origin, record.RepairPolicy, record.RequestedBy));
        Assert.Equal(0, Emulator.Calls().Totals.Writes);
    }

    /// <summary>The text of Slack's answer (its JSON escapes characters such as •).</summary>
    private static string TextOf((HttpStatusCode Status, string Reply) answer)
    {
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return System.Text.Json.Nodes.JsonNode.Parse(answer.Reply)!["text"]!.GetValue<string>();
    }

    private async Task<(HttpStatusCode Status, string Reply)> SlackCommandAsync(string userId, string text, string secret = ChatOpsHostFixture.SlackSigningSecret)
    {
        var body = $"team_id=T0INTEGRATION&user_id={userId}&user_name=tester&command=%2Fpeering&text={Uri.EscapeDataString(text)}&trigger_id={Guid.NewGuid():N}";
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));

        using var request = new HttpRequestMessage(HttpMethod.Post, "api/chat/slack/commands")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", signature);
        using var response = await Fixture.Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
