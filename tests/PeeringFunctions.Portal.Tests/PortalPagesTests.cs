using System.Net;
using System.Text.Json;
using PeeringFunctions.Portal.Tests.Support;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Portal.Tests;

/// <summary>The portal's own pages on the local host: the list, the status page and the request form.</summary>
public sealed class PortalPagesTests(PortalHostFixture host) : IClassFixture<PortalHostFixture>, IAsyncLifetime
{
    private readonly HttpClient http = host.NewHttp();

    public Task InitializeAsync() => host.ResetAsync();

    public Task DisposeAsync()
    {
        http.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_list_groups_peerings_by_state_and_links_each_status_page()
    {
        var (id, pcx, _) = await host.RequestAlphaToBetaAsync(http);

        var page = await http.GetStringAsync("/api/portal");
        var filtered = await http.GetStringAsync("/api/portal?state=Active");

        Assert.Contains("<h1>Peerings</h1>", page, StringComparison.Ordinal);
        Assert.Contains("Waiting for acceptance", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/api/portal/peerings/{id}\"", page, StringComparison.Ordinal);
        Assert.Contains(pcx, page, StringComparison.Ordinal);
        Assert.Contains("No peering is Active.", filtered, StringComparison.Ordinal);
        Secrets.AssertNone(page);
    }

    [Fact]
    public async Task The_status_page_shows_the_six_steps_the_pcx_the_picture_and_refreshes_while_running()
    {
        var (id, pcx, _) = await host.RequestAlphaToBetaAsync(http);

        var response = await http.GetAsync($"/api/portal/peerings/{id}");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var step in new[] { "preflight", "request", "acceptance", "routes", "associations", "verification" })
        {
            Assert.Contains($"data-step=\"{step}\"", page, StringComparison.Ordinal);
        }

        Assert.Contains("class=\"step current\" data-step=\"acceptance\" aria-current=\"step\"", page, StringComparison.Ordinal);
        Assert.Contains("class=\"step done\" data-step=\"request\"", page, StringComparison.Ordinal);
        Assert.Contains(pcx, page, StringComparison.Ordinal);
        Assert.Contains("<time datetime=", page, StringComparison.Ordinal);
        Assert.Contains("role=\"status\"", page, StringComparison.Ordinal);
        Assert.Contains($"data-live=\"/api/portal/peerings/{id}/live\"", page, StringComparison.Ordinal);
        Assert.Contains("<noscript><meta http-equiv=\"refresh\"", page, StringComparison.Ordinal);
        Assert.Contains($"○ {DemoIds.BetaCidr} → {pcx} (to add)", page, StringComparison.Ordinal);
        Assert.Contains("PENDING", page, StringComparison.Ordinal);
        Secrets.AssertNone(page);

        using var live = JsonDocument.Parse(await http.GetStringAsync($"/api/portal/peerings/{id}/live"));
        Assert.Equal(PeeringSteps.WaitingForAcceptance, live.RootElement.GetProperty("state").GetString());
        Assert.False(live.RootElement.GetProperty("terminal").GetBoolean());
        Assert.Equal(pcx, live.RootElement.GetProperty("peeringConnectionId").GetString());
        Assert.StartsWith("Step 3 of 6, acceptance", live.RootElement.GetProperty("announce").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_peering_says_what_failed_and_what_was_undone()
    {
        // The emulator refuses the receiver's route (a fault on CreateRoutes for beta): compensation undoes the rest.
        host.Emulator.AddFault(new TencentVpcEmulator.FaultRule { Action = "CreateRoutes", Account = "beta", Code = "LimitExceeded", Message = "route table is full" });
        var (id, pcx, deadline) = await host.RequestAlphaToBetaAsync(http);
        var decided = await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, host.Links.Create(id, pcx, "beta", deadline))
        {
            Content = new FormUrlEncodedContent([new("decision", "accept")]),
        });
        Assert.Equal(HttpStatusCode.SeeOther, decided.StatusCode);
        var done = await host.WaitForCompletionAsync(id);
        Assert.Equal(PeeringStatus.Failed, done.ReadOutputAs<PeeringOutcome>()!.Status);

        var page = await http.GetStringAsync($"/api/portal/peerings/{id}");

        Assert.Contains("What failed", page, StringComparison.Ordinal);
        Assert.Contains("What was undone", page, StringComparison.Ordinal);
        Assert.Contains("LimitExceeded", page, StringComparison.Ordinal);
        Assert.Contains("class=\"step failed\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain(" data-live=\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_form_offers_the_vpcs_read_from_tencent_with_their_cidrs()
    {
        var page = await http.GetStringAsync("/api/portal/new");

        Assert.Contains("<label for=\"name\">", page, StringComparison.Ordinal);
        Assert.Contains("value=\"alpha|ap-guangzhou|vpc-alpha001\" data-cidrs=\"10.10.0.0/16 10.11.0.0/16\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"beta|ap-shanghai|vpc-beta0001\" data-cidrs=\"172.16.0.0/16\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"beta|ap-shanghai|vpc-betaover\" data-cidrs=\"10.10.128.0/20\"", page, StringComparison.Ordinal);
        Assert.Contains("rtb-betapcx1", page, StringComparison.Ordinal);
        Assert.Contains("subnet-alphaweb", page, StringComparison.Ordinal);
        Assert.Contains("alpha (UIN 100000000001)", page, StringComparison.Ordinal);
        Secrets.AssertNone(page);
    }

    [Fact]
    public async Task The_form_refuses_overlapping_vpcs_and_starts_nothing()
    {
        var response = await SubmitAsync("alpha|ap-guangzhou|vpc-alpha001", "beta|ap-shanghai|vpc-betaover");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Nothing was requested", page, StringComparison.Ordinal);
        Assert.Contains("vpc-betaover&#39;s CIDR 10.10.128.0/20 overlaps vpc-alpha001&#39;s CIDR 10.10.0.0/16", page, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", page, StringComparison.Ordinal);
        Assert.Null(await host.Client.GetInstanceAsync("peering-vpc-alpha001-vpc-betaover"));
        Assert.Empty(host.Emulator.Snapshot().Peerings);
    }

    [Fact]
    public async Task The_form_asks_for_a_bandwidth_cap_across_regions_and_starts_nothing_without_one()
    {
        var response = await SubmitAsync("alpha|ap-guangzhou|vpc-alpha001", "beta|ap-shanghai|vpc-beta0001");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("is required for a peering across regions (ap-guangzhou to ap-shanghai)", page, StringComparison.Ordinal);
        Assert.Null(await host.Client.GetInstanceAsync("peering-vpc-alpha001-vpc-beta0001"));
        Assert.Empty(host.Emulator.Snapshot().Peerings);
    }

    [Fact]
    public async Task The_form_starts_the_peering_and_goes_to_its_status_page()
    {
        var response = await SubmitAsync("alpha|ap-guangzhou|vpc-alpha001", "beta|ap-shanghai|vpc-beta0001",
            ("initiatorRouteTable", "rtb-alphapcx"), ("receiverRouteTable", "rtb-betapcx1"), ("receiverSubnets", "subnet-betaapp1"), ("bandwidthMbps", "10"));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/api/portal/peerings/peering-vpc-alpha001-vpc-beta0001", response.Headers.Location!.OriginalString);
        var progress = await host.WaitForAsync("peering-vpc-alpha001-vpc-beta0001", p => p?.Step == PeeringSteps.WaitingForAcceptance);
        Assert.NotNull(progress!.PeeringConnectionId);

        var again = await SubmitAsync("alpha|ap-guangzhou|vpc-alpha001", "beta|ap-shanghai|vpc-beta0001", ("bandwidthMbps", "10"));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task The_form_asks_what_to_do_about_drift_and_the_peering_it_starts_keeps_the_answer()
    {
        var form = await http.GetStringAsync("/api/portal/new");
        var response = await SubmitAsync("alpha|ap-guangzhou|vpc-alpha001", "beta|ap-shanghai|vpc-beta0001",
            ("initiatorRouteTable", "rtb-alphapcx"), ("receiverRouteTable", "rtb-betapcx1"), ("bandwidthMbps", "10"), ("repairPolicy", "notify"));

        Assert.Contains("name=\"repairPolicy\"><option value=\"repair\" selected>", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var started = await host.Client.GetInstanceAsync("peering-vpc-alpha001-vpc-beta0001", getInputsAndOutputs: true);
        Assert.Equal("notify", started!.ReadInputAs<PeeringRequest>()!.RepairPolicy);
    }

    [Fact]
    public async Task The_form_refuses_what_the_api_refuses_and_posts_from_other_sites()
    {
        var badName = await SubmitAsync("alpha|ap-guangzhou|vpc-alpha001", "beta|ap-shanghai|vpc-beta0001", ("name", "bad\u202Ename"));
        var crossSite = await SubmitAsync("alpha|ap-guangzhou|vpc-alpha001", "beta|ap-shanghai|vpc-beta0001", origin: "https://evil.example");

        Assert.Equal(HttpStatusCode.BadRequest, badName.StatusCode);
        Assert.Contains("The name may not contain invisible characters", await badName.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, crossSite.StatusCode);
        Assert.Null(await host.Client.GetInstanceAsync("peering-vpc-alpha001-vpc-beta0001"));
    }

    [Fact]
    public async Task A_request_form_posted_with_Origin_null_is_refused_as_cross_site_and_starts_nothing()
    {
        var opaque = await SubmitAsync("alpha|ap-guangzhou|vpc-alpha001", "beta|ap-shanghai|vpc-beta0001", origin: "null",
            ("initiatorRouteTable", "rtb-alphapcx"), ("receiverRouteTable", "rtb-betapcx1"), ("receiverSubnets", "subnet-betaapp1"));

        Assert.Equal(HttpStatusCode.Forbidden, opaque.StatusCode);
        Assert.Null(await host.Client.GetInstanceAsync("peering-vpc-alpha001-vpc-beta0001"));
        Assert.Equal(0, host.Emulator.Calls().Totals.Writes);
    }

    [Fact]
    public async Task An_unknown_peering_is_a_clear_404()
    {
        var response = await http.GetAsync("/api/portal/peerings/peering-vpc-nothere1-vpc-nothere2");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("No such peering", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/portal/peerings/not-a-peering-id/live")).StatusCode);
    }

    private async Task<HttpResponseMessage> SubmitAsync(string initiatorVpc, string receiverVpc, params (string Name, string Value)[] extra) =>
        await SubmitAsync(initiatorVpc, receiverVpc, origin: null, extra);

    private async Task<HttpResponseMessage> SubmitAsync(string initiatorVpc, string receiverVpc, string? origin, params (string Name, string Value)[] extra)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("initiatorVpc", initiatorVpc),
            new("receiverVpc", receiverVpc),
            new("acceptanceTimeout", "PT1H"),
        };
        if (!extra.Any(e => e.Name == "name"))
        {
            fields.Add(new("name", "form-request"));
        }

        fields.AddRange(extra.Select(e => new KeyValuePair<string, string>(e.Name, e.Value)));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/portal/new") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Origin", origin ?? host.Host.BaseUrl.GetLeftPart(UriPartial.Authority));
        return await http.SendAsync(request);
    }
}

/// <summary>With Portal:FunctionKey set, the portal pages need the key, as in Azure; the link pages never do, and the key decides nothing.</summary>
public sealed class PortalKeyTests(PortalKeyTests.KeyedHost host) : IClassFixture<PortalKeyTests.KeyedHost>
{
    public const string FunctionKey = "portal-page-test-key";

    [Fact]
    public async Task Portal_pages_need_the_function_key_and_link_pages_need_only_their_token()
    {
        using var http = host.NewHttp();

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/portal")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/portal/new")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/api/portal?code={FunctionKey}")).StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/portal/new");
        request.Headers.Add("x-functions-key", FunctionKey);
        var form = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.DoesNotContain(FunctionKey, await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The link pages answer without the key (their token decides), and the key is no token.
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync($"/api/approve?code={FunctionKey}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync($"/api/approve?token={FunctionKey}")).StatusCode);
    }

    [Fact]
    public async Task The_page_keeps_the_key_only_in_the_redirect_back_to_itself()
    {
        using var http = host.NewHttp();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/portal/new?code={FunctionKey}")
        {
            Content = new FormUrlEncodedContent([new("name", "keyed"), new("initiatorVpc", "alpha|ap-guangzhou|vpc-alpha001"), new("receiverVpc", "beta|ap-guangzhou|vpc-betagz01")]),
        };

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal($"/api/portal/peerings/peering-vpc-alpha001-vpc-betagz01?code={FunctionKey}", response.Headers.Location!.OriginalString);
    }

    public sealed class KeyedHost : PortalHostFixture
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [.. base.Settings(), new("Portal:FunctionKey", FunctionKey)];
    }
}
