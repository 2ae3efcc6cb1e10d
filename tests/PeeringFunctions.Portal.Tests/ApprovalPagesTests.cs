using System.Net;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using PeeringFunctions.LocalHost.Hosting;
using PeeringFunctions.Peerings.Approval;
using PeeringFunctions.Portal.Tests.Support;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Portal.Tests;

/// <summary>
/// The receiver's link against the local host (emulator + in-process Durable engine): the page shows what is being
/// agreed to, Accept raises the decision, and every bad, used, expired or misdirected link changes nothing.
/// </summary>
public sealed class ApprovalPagesTests(PortalHostFixture host) : IClassFixture<PortalHostFixture>, IAsyncLifetime
{
    private readonly HttpClient http = host.NewHttp();

    public Task InitializeAsync() => host.ResetAsync();

    public Task DisposeAsync()
    {
        http.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_approval_page_shows_who_asks_both_vpcs_their_cidrs_regions_routes_deadline_and_the_buttons()
    {
        var (id, pcx, deadline) = await host.RequestAlphaToBetaAsync(http);
        var link = host.Links.Create(id, pcx, "beta", deadline);

        var response = await http.GetAsync(link);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Peering request for beta", page, StringComparison.Ordinal);
        Assert.Contains("alpha (UIN 100000000001)", page, StringComparison.Ordinal);
        Assert.Contains("beta (UIN 100000000002)", page, StringComparison.Ordinal);
        foreach (var expected in new[] { DemoIds.AlphaCidr, DemoIds.AlphaAssistantCidr, DemoIds.BetaCidr, "ap-guangzhou", "ap-shanghai", "vpc-alpha001", "vpc-beta0001", "rtb-alphapcx", "rtb-betapcx1", pcx })
        {
            Assert.Contains(expected, page, StringComparison.Ordinal);
        }

        // The routes each side will get: alpha's table to beta's CIDR, beta's to alpha's, both through the pcx.
        Assert.Contains($"<code class=\"cidr\">{DemoIds.BetaCidr}</code> → <code>{pcx}</code>", page, StringComparison.Ordinal);
        Assert.Contains($"<code class=\"cidr\">{DemoIds.AlphaCidr}</code> → <code>{pcx}</code>", page, StringComparison.Ordinal);
        Assert.Contains(deadline.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " UTC", page, StringComparison.Ordinal);
        Assert.Contains("name=\"decision\" value=\"accept\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"decision\" value=\"reject\"", page, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"picture\"", page, StringComparison.Ordinal);

        // No secret, and not even the token: the form posts to the page's own URL.
        Secrets.AssertNone(page);
        Assert.DoesNotContain(link.Split("token=")[1], page, StringComparison.Ordinal);
        Assert.DoesNotContain("<form method=\"post\" class=\"decision\" action", page, StringComparison.Ordinal);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task Accept_raises_the_decision_and_the_receiver_watches_the_peering_reach_active()
    {
        var (id, pcx, deadline) = await host.RequestAlphaToBetaAsync(http);
        var link = host.Links.Create(id, pcx, "beta", deadline);

        var decided = await PostDecisionAsync(link, "accept");

        Assert.Equal(HttpStatusCode.SeeOther, decided.StatusCode);
        var watch = decided.Headers.Location!.OriginalString;
        Assert.StartsWith("/api/watch?token=", watch, StringComparison.Ordinal);

        var done = await host.WaitForCompletionAsync(id);
        var outcome = done.ReadOutputAs<PeeringOutcome>()!;
        Assert.Equal(PeeringStatus.Active, outcome.Status);
        Assert.Equal(pcx, outcome.PeeringConnectionId);

        var page = await http.GetStringAsync(watch);
        Assert.Contains("ACTIVE", page, StringComparison.Ordinal);
        Assert.Contains("class=\"step done\" data-step=\"verification\"", page, StringComparison.Ordinal);
        Assert.Contains($"✓ {DemoIds.BetaCidr} → {pcx}", page, StringComparison.Ordinal);
        Assert.DoesNotContain(" data-live=\"", page, StringComparison.Ordinal);
        Secrets.AssertNone(page);

        using var live = JsonDocument.Parse(await http.GetStringAsync(watch.Replace("/api/watch?", "/api/watch/live?", StringComparison.Ordinal)));
        Assert.Equal("Active", live.RootElement.GetProperty("state").GetString());
        Assert.True(live.RootElement.GetProperty("terminal").GetBoolean());
    }

    [Fact]
    public async Task The_decision_is_raised_as_the_same_event_every_source_raises_and_only_once_per_link()
    {
        var (id, pcx, deadline) = await host.RequestAlphaToBetaAsync(http);
        var link = host.Links.Create(id, pcx, "beta", deadline);

        var first = await PostDecisionAsync(link, "reject");
        var done = await host.WaitForCompletionAsync(id);
        var again = await PostDecisionAsync(link, "accept");
        var reopened = await http.GetAsync(link);

        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        var outcome = done.ReadOutputAs<PeeringOutcome>()!;
        Assert.Equal(PeeringStatus.Rejected, outcome.Status);
        Assert.Contains("approver of beta (approval link)", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, reopened.StatusCode);
        Assert.Contains("no longer waiting for a decision", await reopened.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_link_shows_a_clear_page_and_changes_nothing()
    {
        var (id, pcx, deadline) = await host.RequestAlphaToBetaAsync(http);
        var link = host.Links.Create(id, pcx, "beta", deadline);
        var tampered = link[..^3] + (link[^3] == 'A' ? "B" : "A") + link[^2..];

        var shown = await http.GetAsync(tampered);
        var posted = await PostDecisionAsync(tampered, "accept");

        Assert.Equal(HttpStatusCode.Forbidden, shown.StatusCode);
        var page = await shown.Content.ReadAsStringAsync();
        Assert.Contains("This link is not valid", page, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoIds.BetaCidr, page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        await AssertNothingDecidedAsync(id);
    }

    [Fact]
    public async Task An_expired_link_shows_a_clear_page_and_changes_nothing()
    {
        var (id, pcx, _) = await host.RequestAlphaToBetaAsync(http);
        var expired = host.Links.Create(id, pcx, "beta", DateTime.UtcNow.AddMinutes(-1));

        var shown = await http.GetAsync(expired);
        var posted = await PostDecisionAsync(expired, "accept");

        Assert.Equal(HttpStatusCode.Gone, shown.StatusCode);
        Assert.Contains("This link has expired", await shown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, posted.StatusCode);
        await AssertNothingDecidedAsync(id);
    }

    [Fact]
    public async Task A_link_for_another_account_or_an_earlier_peering_of_the_pair_grants_nothing()
    {
        var (id, pcx, deadline) = await host.RequestAlphaToBetaAsync(http);
        var otherAccount = host.Links.Create(id, pcx, "alpha", deadline);
        var earlierRequest = host.Links.Create(id, "pcx-earlier1", "beta", deadline);
        var otherPeering = host.Links.Create("peering-vpc-alpha001-vpc-betagz01", pcx, "beta", deadline);

        Assert.Equal(HttpStatusCode.Forbidden, (await PostDecisionAsync(otherAccount, "accept")).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await PostDecisionAsync(earlierRequest, "accept")).StatusCode);
        Assert.Equal(HttpStatusCode.Gone, (await PostDecisionAsync(otherPeering, "accept")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(otherAccount)).StatusCode);
        await AssertNothingDecidedAsync(id);
    }

    [Fact]
    public async Task A_watch_link_cannot_decide_and_an_approval_link_is_needed_at_all()
    {
        var (id, pcx, deadline) = await host.RequestAlphaToBetaAsync(http);
        var tokens = (ApprovalTokens)host.Host.Services.GetService(typeof(ApprovalTokens))!;
        var watch = tokens.Issue(new LinkClaims(LinkPurpose.Watch, id, pcx, "beta", DateTimeOffset.UtcNow.AddHours(1)));

        Assert.Equal(HttpStatusCode.Forbidden, (await PostDecisionAsync($"/api/approve?token={watch}", "accept")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/approve")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostDecisionAsync("/api/approve", "accept")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(host.Links.Create(id, pcx, "beta", deadline).Replace("/api/approve", "/api/watch", StringComparison.Ordinal))).StatusCode);
        await AssertNothingDecidedAsync(id);
    }

    [Fact]
    public async Task A_decision_posted_from_another_site_is_refused()
    {
        var (id, pcx, deadline) = await host.RequestAlphaToBetaAsync(http);
        var link = host.Links.Create(id, pcx, "beta", deadline);

        var fromElsewhere = await PostDecisionAsync(link, "accept", origin: "https://evil.example");
        var crossSite = await PostDecisionAsync(link, "accept", fetchSite: "cross-site");
        var noDecision = await PostDecisionAsync(link, "maybe");

        Assert.Equal(HttpStatusCode.Forbidden, fromElsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, crossSite.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noDecision.StatusCode);
        await AssertNothingDecidedAsync(id);
    }

    [Fact]
    public async Task A_decision_posted_with_Origin_null_is_refused_as_cross_site_and_decides_nothing()
    {
        var (id, pcx, deadline) = await host.RequestAlphaToBetaAsync(http);
        var link = host.Links.Create(id, pcx, "beta", deadline);
        var writesBefore = host.Emulator.Calls().Totals.Writes;

        var opaque = await PostDecisionAsync(link, "accept", origin: "null");

        Assert.Equal(HttpStatusCode.Forbidden, opaque.StatusCode);
        Assert.Contains("can only be sent from this app", await opaque.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var instance = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
        Assert.Equal(PeeringSteps.WaitingForAcceptance, instance!.ReadCustomStatusAs<PeeringProgress>()!.Step);
        Assert.Equal(writesBefore, host.Emulator.Calls().Totals.Writes);
    }

    [Fact]
    public async Task A_signed_link_whose_peering_no_longer_exists_here_says_so_and_not_that_it_was_cut_short()
    {
        // Signed with this app's key, for a peering this app has no record of: what a restart of the in-memory engine leaves.
        var link = host.Links.Create("peering-vpc-alpha001-vpc-beta0001", "pcx-gone0001", "beta", DateTime.UtcNow.AddHours(1));

        var shown = await http.GetAsync(link);
        var posted = await PostDecisionAsync(link, "accept");

        Assert.Equal(HttpStatusCode.Gone, shown.StatusCode);
        var page = await shown.Content.ReadAsStringAsync();
        Assert.Contains("no longer exists here", page, StringComparison.Ordinal);
        Assert.Contains("restarted", page, StringComparison.Ordinal);
        Assert.DoesNotContain("cut short", page, StringComparison.Ordinal);
        Assert.DoesNotContain("This link is not valid", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, posted.StatusCode);
        Assert.Empty(host.Emulator.Snapshot().Peerings);
        Assert.Equal(0, host.Emulator.Calls().Totals.Writes);
    }

    private async Task<HttpResponseMessage> PostDecisionAsync(string link, string decision, string? origin = null, string? fetchSite = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, link)
        {
            Content = new FormUrlEncodedContent([new("decision", decision)]),
        };
        request.Headers.Add("Origin", origin ?? host.Host.BaseUrl.GetLeftPart(UriPartial.Authority));
        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }
        return await http.SendAsync(request);
    }

    /// <summary>
    /// The peering still waits; then beta's approver rejects it over the API. Decisions reach the instance in the
    /// order they were raised and the first one is acted on, so when that rejection is the decision taken, the refused
    /// requests before it raised none.
    /// </summary>
    private async Task AssertNothingDecidedAsync(string id)
    {
        var instance = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Running, instance!.RuntimeStatus);
        Assert.Equal(PeeringSteps.WaitingForAcceptance, instance.ReadCustomStatusAs<PeeringProgress>()!.Step);

        var end = await new PeeringApiDriver(http).DecideAndSeeItTakenAsync(host, id, accept: false, TencentSettings.DemoApproverKey("beta"));
        Assert.Equal(PeeringStatus.Rejected, end.State);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.True(response.Headers.CacheControl?.NoStore);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'sha256-", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
    }
}
