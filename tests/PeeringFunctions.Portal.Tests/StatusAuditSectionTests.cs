using System.Net;
using PeeringFunctions.Portal.Tests.Support;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Portal.Tests;

/// <summary>The status page's audit section: who asked and decided, through which channel, and each Tencent write with its RequestId.</summary>
public sealed class StatusAuditSectionTests(PortalHostFixture host) : IClassFixture<PortalHostFixture>, IAsyncLifetime
{
    private readonly HttpClient http = host.NewHttp();

    public Task InitializeAsync() => host.ResetAsync();

    public Task DisposeAsync()
    {
        http.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_portals_status_page_lists_the_trail_in_order_and_keeps_it_after_a_purge_but_the_receivers_link_page_does_not_show_it()
    {
        var (id, pcx, deadline) = await host.RequestAlphaToBetaAsync(http);
        using var decided = await PostAsync(host.Links.Create(id, pcx, "beta", deadline), ("decision", "accept"));
        Assert.Equal(HttpStatusCode.SeeOther, decided.StatusCode);
        Assert.Equal(PeeringStatus.Active, (await host.WaitForCompletionAsync(id)).ReadOutputAs<PeeringOutcome>()!.Status);

        var page = await http.GetStringAsync($"/api/portal/peerings/{id}");

        Assert.Contains("<h2 id=\"audit-heading\">Audit trail</h2>", page, StringComparison.Ordinal);
        var requested = page.IndexOf("<td>request-received</td><td>portal", StringComparison.Ordinal);
        var created = page.IndexOf("CreateVpcPeeringConnection in ap-guangzhou: requested peering " + pcx, StringComparison.Ordinal);
        var accepted = page.IndexOf("<td>accepted</td><td>approver of beta (approval link)</td><td>approval-link</td>", StringComparison.Ordinal);
        var routes = page.IndexOf("<td>CreateRoutes in ", StringComparison.Ordinal);
        Assert.True(requested > 0 && requested < created && created < accepted && accepted < routes,
            $"request {requested}, create {created}, accept {accepted}, routes {routes}: not in this order");
        Assert.Matches("requested peering " + pcx + "[^<]*</td><td>[0-9a-f-]{36}</td>", page);
        var watch = await http.GetStringAsync(decided.Headers.Location!.OriginalString);
        Assert.DoesNotContain("audit-heading", watch, StringComparison.Ordinal);

        await host.Client.PurgeInstanceAsync(id);
        var afterPurge = await http.GetStringAsync($"/api/portal/peerings/{id}");
        Assert.Contains("Shown from the peering registry", afterPurge, StringComparison.Ordinal);
        Assert.Contains("<td>approver of beta (approval link)</td><td>approval-link</td>", afterPurge, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PostAsync(string url, params (string Name, string Value)[] fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))),
        };
        request.Headers.Add("Origin", host.Host.BaseUrl.GetLeftPart(UriPartial.Authority));
        return await http.SendAsync(request);
    }
}
