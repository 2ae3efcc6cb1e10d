using System.Net;
using System.Text.Json.Nodes;
using PeeringFunctions.Peerings.Approval;
using PeeringFunctions.Peerings.Topologies;
using PeeringFunctions.Portal.Tests.Support;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Portal.Tests;

/// <summary>
/// A receiving account's topology approval link against the local host: the page lists every pair it is asked for with
/// the CIDRs, one Accept covers them all, and a used, tampered or misdirected link changes nothing.
/// </summary>
public sealed class TopologyApprovalPagesTests(PortalHostFixture host) : IClassFixture<PortalHostFixture>, IAsyncLifetime
{
    private readonly HttpClient http = host.NewHttp();

    public Task InitializeAsync() => host.ResetAsync();

    public Task DisposeAsync()
    {
        http.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>alpha's VPC with both of beta's Guangzhou and Shanghai VPCs: beta receives both pairs.</summary>
    private async Task<(string Id, DateTime Deadline)> StartWaitingTopologyAsync(string name)
    {
        var plan = await host.Topologies.StartAcceptedAsync(new JsonObject
        {
            ["name"] = name,
            ["shape"] = TopologyShapes.HubAndSpoke,
            ["hub"] = DemoIds.AlphaVpc,
            ["members"] = new JsonArray(
                new JsonObject { ["account"] = DemoIds.Alpha, ["region"] = DemoIds.Guangzhou, ["vpcId"] = DemoIds.AlphaVpc },
                new JsonObject { ["account"] = DemoIds.Beta, ["region"] = DemoIds.Guangzhou, ["vpcId"] = DemoIds.BetaGzVpc },
                new JsonObject { ["account"] = DemoIds.Beta, ["region"] = DemoIds.Shanghai, ["vpcId"] = DemoIds.BetaVpc }),
            ["bandwidthMbps"] = 10,
            ["acceptanceTimeout"] = "PT1H",
        });
        var waiting = await host.Topologies.WaitForConsentAsync(plan.Id);
        return (plan.Id, waiting.ConsentDeadline!.Value);
    }

    private Task<HttpResponseMessage> DecideAsync(string link, string decision) =>
        http.PostAsync(link, new FormUrlEncodedContent([new("decision", decision)]));

    [Fact]
    public async Task The_page_lists_every_pair_the_account_is_asked_for_and_one_accept_covers_them_all()
    {
        var (id, deadline) = await StartWaitingTopologyAsync("linked");
        var link = host.Links.CreateForTopology(id, DemoIds.Beta, deadline);

        var response = await http.GetAsync(link);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Topology request for beta</h1>", page, StringComparison.Ordinal);
        Assert.Contains("asks <strong>beta</strong> to accept 2 peerings", page, StringComparison.Ordinal);
        foreach (var (vpc, cidr) in new[] { (DemoIds.AlphaVpc, DemoIds.AlphaCidr), (DemoIds.BetaGzVpc, DemoIds.BetaGzCidr), (DemoIds.BetaVpc, DemoIds.BetaCidr) })
        {
            Assert.Contains($"<code>{vpc}</code>", page, StringComparison.Ordinal);
            Assert.Contains($"<code class=\"cidr\">{cidr}</code>", page, StringComparison.Ordinal);
        }

        Assert.Contains("value=\"accept\"", page, StringComparison.Ordinal);
        Secrets.AssertNone(page);

        using var accepted = await DecideAsync(link, "accept");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains("You accepted the topology for beta", await accepted.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var done = await host.Topologies.WaitForEndAsync(id);
        Assert.Equal(TopologyStatus.Complete, done.State);
        Assert.Equal("approver of beta (approval link) (http)", Assert.Single(done.Accounts).DecidedBy);
        Assert.All(done.Pairs, p => Assert.Equal(PeeringStatus.Active, p.State));

        // Used: refused with a page, nothing changed.
        using var again = await DecideAsync(link, "reject");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(TopologyStatus.Complete, (await host.Topologies.GetAsync(id)).State);
    }

    [Fact]
    public async Task A_tampered_link_another_accounts_link_or_a_peerings_link_decides_nothing()
    {
        var (id, deadline) = await StartWaitingTopologyAsync("guarded");
        var link = host.Links.CreateForTopology(id, DemoIds.Beta, deadline);
        var token = link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..];
        var position = token.Length - 5;
        var tampered = link[..^token.Length] + token[..position] + (token[position] == 'A' ? 'B' : 'A') + token[(position + 1)..];

        using (var forged = await DecideAsync(tampered, "accept"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        }

        // alpha is asked nothing (it initiates every pair).
        using (var alphas = await DecideAsync(host.Links.CreateForTopology(id, DemoIds.Alpha, deadline), "accept"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, alphas.StatusCode);
        }

        // A link for another run of this topology (another deadline) is spent.
        using (var earlier = await DecideAsync(host.Links.CreateForTopology(id, DemoIds.Beta, deadline.AddMinutes(-5)), "accept"))
        {
            Assert.Equal(HttpStatusCode.Conflict, earlier.StatusCode);
        }

        // The same token on the peering's approval route is the wrong purpose: refused there too.
        using (var elsewhere = await DecideAsync($"{ApprovalLinks.ApprovePath}?token={token}", "accept"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        }

        var view = await host.Topologies.GetAsync(id);
        Assert.Equal((TopologySteps.WaitingForConsent, ConsentStates.Waiting), (view.State, Assert.Single(view.Accounts).Decision));
    }
}
