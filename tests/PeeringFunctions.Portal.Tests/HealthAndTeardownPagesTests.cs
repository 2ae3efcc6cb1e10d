using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PeeringFunctions.Portal.Tests.Support;
using PeeringFunctions.Registry;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Portal.Tests;

/// <summary>
/// The registry's health on the pages (a Health column in the list; the findings and their history on the status
/// page), and the receiver's teardown button behind its signed status link.
/// </summary>
public sealed class HealthAndTeardownPagesTests(PortalHostFixture host) : IClassFixture<PortalHostFixture>, IAsyncLifetime
{
    private static readonly DateTimeOffset FoundAt = new(2026, 12, 1, 8, 15, 0, TimeSpan.Zero);

    private readonly HttpClient http = host.NewHttp();

    private IPeeringRegistry Registry => host.Host.Services.GetRequiredService<IPeeringRegistry>();

    public Task InitializeAsync() => host.ResetAsync();

    public Task DisposeAsync()
    {
        http.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_list_has_a_health_column_saying_what_drifted_and_the_status_page_shows_the_findings_and_their_history()
    {
        var (id, _) = await ActiveAsync();
        await Registry.UpdateAsync(id, record => record with
        {
            State = RegistryStates.Drifted,
            UpdatedAt = DateTimeOffset.UtcNow.AddMinutes(1),
            Health = new PeeringHealth(
                HealthStatuses.Drifted,
                FoundAt,
                [new DriftFinding(DriftKinds.RouteMissing, FindingSides.Receiver, DemoIds.AlphaCidr, "The route to 10.10.0.0/16 is missing on beta's side.", FoundAt)],
                []).WithHistory(
                new HealthEvent(FoundAt.AddHours(-2), HealthEventKinds.Found, "Subnet subnet-alphaweb was moved back to rtb-alphamai."),
                new HealthEvent(FoundAt.AddHours(-1), HealthEventKinds.Repaired, "Moved subnet subnet-alphaweb back to rtb-alphapcx.")),
        });

        var list = await http.GetStringAsync("/api/portal");
        var status = await http.GetStringAsync($"/api/portal/peerings/{id}");

        Assert.Contains("<th scope=\"col\">Health</th>", list, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge bad\">Drifted</span> The route to 10.10.0.0/16 is missing on beta&#39;s side.", list, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"health-heading\">Health</h2>", status, StringComparison.Ordinal);
        Assert.Contains("The route to 10.10.0.0/16 is missing on beta&#39;s side.", status, StringComparison.Ordinal);
        Assert.Contains("<strong>repaired</strong>: Moved subnet subnet-alphaweb back to rtb-alphapcx.", status, StringComparison.Ordinal);
        Assert.True(
            status.IndexOf("Moved subnet subnet-alphaweb back", StringComparison.Ordinal) < status.IndexOf("was moved back to rtb-alphamai", StringComparison.Ordinal),
            "The history lists the latest first.");
    }

    [Fact]
    public async Task A_peering_whose_history_was_purged_is_listed_and_its_status_page_shows_the_record()
    {
        var (id, _) = await ActiveAsync();
        await host.Client.PurgeInstanceAsync(id);

        var list = await http.GetStringAsync("/api/portal");
        using var status = await http.GetAsync($"/api/portal/peerings/{id}");
        var page = await status.Content.ReadAsStringAsync();

        Assert.Contains($"href=\"/api/portal/peerings/{id}\"", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Contains("Shown from the peering registry", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Approved by</dt><dd>approver of beta (approval link) (http)</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"health-heading\">Health</h2>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_peering_the_watcher_has_not_checked_yet_is_unchecked_in_the_list()
    {
        await ActiveAsync();

        var list = await http.GetStringAsync("/api/portal?state=Active");

        Assert.Contains("<span class=\"badge neutral\">Unchecked</span>", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_receiver_tears_an_active_peering_down_with_the_button_behind_its_status_link()
    {
        var (id, watch) = await ActiveAsync();
        var page = await http.GetStringAsync(watch);
        Assert.Contains("id=\"teardown\"", page, StringComparison.Ordinal);
        var action = "/api/watch/teardown?token=" + watch.Split("token=")[1];

        using var crossSite = await PostFromAsync(action, "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, crossSite.StatusCode);
        Assert.Null(await host.Client.GetInstanceAsync(id + "-teardown"));

        using var torn = await PostAsync(action);
        Assert.Equal(HttpStatusCode.SeeOther, torn.StatusCode);
        Assert.Equal(watch, torn.Headers.Location!.OriginalString);
        var teardown = await host.Client.WaitForInstanceCompletionAsync(id + "-teardown", getInputsAndOutputs: true);
        Assert.Equal(TeardownStatus.Removed, teardown.ReadOutputAs<TeardownOutcome>()!.Status);
        var record = await Registry.GetAsync(id);
        Assert.Equal(RegistryStates.TornDown, record!.State);
        Assert.Contains("asked by approver of beta (status link)", record.Message, StringComparison.Ordinal);

        using var again = await PostAsync(action);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.DoesNotContain("id=\"teardown\"", await http.GetStringAsync(watch), StringComparison.Ordinal);
    }

    /// <returns>The peering's id and the receiver's watch link, the peering accepted through its approval link and Active.</returns>
    [Fact]
    public async Task A_drifted_peerings_status_page_offers_repair_now_and_extend_routes_and_the_repair_click_starts_a_repair()
    {
        var (id, _) = await ActiveAsync();
        var healthy = await http.GetStringAsync($"/api/portal/peerings/{id}");
        await Registry.UpdateAsync(id, record => record with
        {
            State = RegistryStates.Drifted,
            UpdatedAt = DateTimeOffset.UtcNow.AddMinutes(1),
            Health = new PeeringHealth(
                HealthStatuses.Drifted,
                FoundAt,
                [new DriftFinding(DriftKinds.RouteMissing, FindingSides.Receiver, DemoIds.AlphaCidr, "The route to 10.10.0.0/16 is missing on beta's side.", FoundAt),
                 new DriftFinding(DriftKinds.CidrAdded, FindingSides.Receiver, "172.31.0.0/16", "beta's VPC gained 172.31.0.0/16.", FoundAt)],
                []),
        });

        var drifted = await http.GetStringAsync($"/api/portal/peerings/{id}");
        using var click = await PostAsync($"/api/portal/peerings/{id}", ("action", "repair"));

        Assert.DoesNotContain("id=\"repair\"", healthy, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\" id=\"repair\">Repair now</button>", drifted, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\" id=\"extend-routes\">", drifted, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, click.StatusCode);
        Assert.Equal($"/api/portal/peerings/{id}", click.Headers.Location!.OriginalString);
        Assert.NotNull(await host.Host.Client.GetInstanceAsync(PeeringFunctions.Peerings.PeeringInstanceIds.RepairOf(id)));
    }

    [Fact]
    public async Task A_repair_click_with_nothing_to_repair_is_409_and_an_unknown_action_400_and_neither_starts_anything()
    {
        var (id, _) = await ActiveAsync();

        using var nothing = await PostAsync($"/api/portal/peerings/{id}", ("action", "repair"));
        using var unknown = await PostAsync($"/api/portal/peerings/{id}", ("action", "reboot"));

        Assert.Equal(HttpStatusCode.Conflict, nothing.StatusCode);
        Assert.Contains("Nothing was repaired", await nothing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Null(await host.Host.Client.GetInstanceAsync(PeeringFunctions.Peerings.PeeringInstanceIds.RepairOf(id)));
    }

    private async Task<(string Id, string Watch)> ActiveAsync()
    {
        var (id, pcx, deadline) = await host.RequestAlphaToBetaAsync(http);
        using var decided = await PostAsync(host.Links.Create(id, pcx, "beta", deadline), ("decision", "accept"));
        Assert.Equal(HttpStatusCode.SeeOther, decided.StatusCode);
        var done = await host.WaitForCompletionAsync(id);
        Assert.Equal(PeeringStatus.Active, done.ReadOutputAs<PeeringOutcome>()!.Status);
        return (id, decided.Headers.Location!.OriginalString);
    }

    private Task<HttpResponseMessage> PostAsync(string url, params (string Name, string Value)[] fields) => PostFromAsync(url, null, fields);

    private async Task<HttpResponseMessage> PostFromAsync(string url, string? origin, params (string Name, string Value)[] fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))),
        };
        request.Headers.Add("Origin", origin ?? host.Host.BaseUrl.GetLeftPart(UriPartial.Authority));
        return await http.SendAsync(request);
    }
}
