using System.Net;
using PeeringFunctions.LocalHost.Hosting;
using PeeringFunctions.Web;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Security.Tests;

/// <summary>
/// Item 5, HTTP: only the receiver's approvers may accept or reject. No credential → 401; the initiator's approver
/// key, another receiver's key, a wrong or case-changed key, the portal's function key → 403; and after every refusal
/// nothing has changed: the peering still waits, still PENDING on Tencent, no Tencent write was made.
/// </summary>
public sealed class ApproverAuthorizationTests(SecuredHost fixture, ITestOutputHelper output) : IClassFixture<SecuredHost>, IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Accept_and_reject_without_the_receivers_approver_key_are_refused_with_401_or_403_and_change_nothing()
    {
        var figures = new Figures(output, "approver authorization");
        var portal = fixture.Api;
        // P1: alpha → beta (beta decides). P2: beta → alpha (alpha decides), so beta's key belongs to another receiver there.
        var p1 = (await portal.StartAcceptedAsync(PeeringRequests.CrossRegion("approver p1"))).Id;
        var p2 = (await portal.StartAcceptedAsync(PeeringRequests.Peering("approver p2",
            PeeringRequests.Side("beta", "ap-guangzhou", DemoIds.BetaGzVpc), PeeringRequests.Side("alpha", "ap-guangzhou", DemoIds.AlphaVpc), crossRegion: false))).Id;
        var waiting1 = await portal.WaitForStepAsync(p1, PeeringSteps.WaitingForAcceptance, Timeout);
        await portal.WaitForStepAsync(p2, PeeringSteps.WaitingForAcceptance, Timeout);
        var writesBefore = fixture.Emulator.Calls().Totals.Writes;

        var attempts = new (string What, string Id, string? Authorization, HttpStatusCode Expected)[]
        {
            ("no credential", p1, null, HttpStatusCode.Unauthorized),
            ("empty bearer", p1, "Bearer ", HttpStatusCode.Unauthorized),
            ("basic scheme with beta's key", p1, "Basic " + Convert.ToBase64String("beta:beta-approver-demo-key"u8.ToArray()), HttpStatusCode.Unauthorized),
            ("initiator's (alpha's) approver key", p1, Bearer("alpha"), HttpStatusCode.Forbidden),
            ("another receiver's peering (beta's key on alpha's decision)", p2, Bearer("beta"), HttpStatusCode.Forbidden),
            ("wrong key", p1, "Bearer not-the-key", HttpStatusCode.Forbidden),
            ("receiver's key in upper case", p1, "Bearer " + TencentSettings.DemoApproverKey("beta").ToUpperInvariant(), HttpStatusCode.Forbidden),
            ("receiver's key with a suffix", p1, Bearer("beta") + "x", HttpStatusCode.Forbidden),
            ("the portal's function key", p1, "Bearer " + SecuredHost.FunctionKey, HttpStatusCode.Forbidden),
        };
        foreach (var accept in new[] { true, false })
        {
            foreach (var (what, id, authorization, expected) in attempts)
            {
                using var response = await portal.DecideWithAuthorizationAsync(id, accept, authorization);
                var text = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == expected, $"{(accept ? "accept" : "reject")} with {what}: expected {(int)expected}, got {(int)response.StatusCode} {text}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                figures.Line($"{(accept ? "accept" : "reject"),-6} {what,-62} -> {(int)response.StatusCode} {PeeringApiDriver.Read<ProblemBody>(text).Title}");
            }
        }

        // The approver key in the portal's query parameter is no credential either.
        using (var viaQuery = await fixture.Http.PostAsync($"api/peerings/{p1}/accept?code={TencentSettings.DemoApproverKey("beta")}", null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, viaQuery.StatusCode);
        }

        // Nothing changed: both still wait, P1 still PENDING on Tencent, not a single Tencent write since. (That no
        // refusal raised a decision that would act later is counted below, once a real decision has been acted on.)
        foreach (var id in new[] { p1, p2 })
        {
            var view = await portal.GetAsync(id);
            Assert.Equal("Running", view!.RuntimeStatus);
            Assert.Equal(PeeringSteps.WaitingForAcceptance, view.Step);
        }

        Assert.Equal("PENDING", fixture.Emulator.Snapshot().Peering(waiting1.PeeringConnectionId!)?.State);
        Assert.Equal(writesBefore, fixture.Emulator.Calls().Totals.Writes);
        figures.Line($"after {2 * attempts.Length + 1} refused decisions: both peerings still WaitingForAcceptance, {waiting1.PeeringConnectionId} still PENDING, Tencent writes since: 0");

        // The receivers' own approvers still can: the refusals did not lock anything. Decisions reach an instance in
        // the order they were raised and the first one is acted on, so when these are the ones taken, the refusals
        // raised none.
        var done = await portal.DecideAndSeeItTakenAsync(fixture, p1, accept: true, TencentSettings.DemoApproverKey("beta"), Timeout);
        Assert.Equal(PeeringStatus.Active, done.State);
        Assert.Equal(PeeringStatus.Rejected, (await portal.DecideAndSeeItTakenAsync(fixture, p2, accept: false, TencentSettings.DemoApproverKey("alpha"), Timeout)).State);
    }

    [Fact]
    public async Task Portal_routes_without_the_function_key_are_refused_and_start_nothing()
    {
        using var anonymous = new HttpClient { BaseAddress = fixture.Host.BaseUrl };
        var writes = fixture.Emulator.Calls().Totals.Writes;
        using var start = await new PeeringApiDriver(anonymous).StartAsync(PeeringRequests.CrossRegion("no key"));
        using var list = await anonymous.GetAsync("api/peerings");
        using var wrongKey = new HttpRequestMessage(HttpMethod.Post, "api/peerings") { Content = new StringContent(PeeringRequests.CrossRegion().ToJsonString(), System.Text.Encoding.UTF8, "application/json") };
        wrongKey.Headers.Add("x-functions-key", TencentSettings.DemoApproverKey("alpha"));
        using var withApproverKey = await anonymous.SendAsync(wrongKey);

        Assert.Equal(HttpStatusCode.Unauthorized, start.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withApproverKey.StatusCode);
        Assert.Null(await fixture.Client.GetInstanceAsync("peering-vpc-alpha001-vpc-beta0001"));
        Assert.Equal(writes, fixture.Emulator.Calls().Totals.Writes);
    }

    private static string Bearer(string account) => "Bearer " + TencentSettings.DemoApproverKey(account);
}
