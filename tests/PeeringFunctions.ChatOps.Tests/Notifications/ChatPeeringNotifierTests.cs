using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using PeeringFunctions.Peerings;
using PeeringFunctions.ChatOps.Notifications;
using PeeringFunctions.ChatOps.Slack;
using PeeringFunctions.ChatOps.Tests.Support;
using PeeringFunctions.Workflow;
using PeeringFunctions.TencentAccess.Accounts;
using PeeringFunctions.Workflow.Activities;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.ChatOps.Tests.Notifications;

/// <summary>Notifications posted to a fake chat server on loopback; nothing real is reached.</summary>
public sealed class ChatPeeringNotifierTests : IAsyncLifetime
{
    private const string Key = "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa";
    private readonly string id = PeeringInstances.IdOf(PeeringInstances.AlphaToBeta());
    private FakeChatServer server = null!;

    public async Task InitializeAsync() => server = await FakeChatServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    /// <summary>
    /// beta (receiver) has all three channels, alpha (initiator) Slack only; webhook URLs carry a key like the real
    /// ones. Attempts time out after 5 s (generous on a busy machine) unless a test wants to see a hang given up.
    /// </summary>
    private ChatOpsHost Host(string betaPrefix = "", string alphaPrefix = "", string attemptTimeout = "00:00:05", string? signingKey = null) => ChatOpsHost.Create(new Dictionary<string, string?>
    {
        ["Portal:ApprovalSigningKey"] = signingKey,
        ["ChatOps:Channels:beta:SlackWebhookUrl"] = server.Url($"{betaPrefix}/slack/services/T0/B0/{Key}"),
        ["ChatOps:Channels:beta:WeComRobotUrl"] = server.Url($"{(betaPrefix.Length > 0 ? betaPrefix : "/wecom")}/cgi-bin/webhook/send?key={Key}"),
        ["ChatOps:Channels:beta:TeamsWorkflowUrl"] = server.Url($"{(betaPrefix.Length > 0 ? betaPrefix : "/teams")}/workflows/abc/triggers/manual/paths/invoke?sig={Key}"),
        ["ChatOps:Channels:alpha:SlackWebhookUrl"] = server.Url($"{alphaPrefix}/slack/services/T0/BALPHA/{Key}"),
        ["ChatOps:Notifications:AttemptTimeout"] = attemptTimeout,
        ["ChatOps:Notifications:TotalTimeout"] = "00:00:20",
        ["ChatOps:Notifications:MaxRetries"] = "2",
        ["ChatOps:Notifications:RetryDelay"] = "00:00:00.010",
    });

    private NotifyReceiverInput Waiting(string? receiver = "beta", string? uin = null) =>
        new(id, PeeringInstances.Pcx, "web-to-db", receiver, uin, "alpha", PeeringInstances.Deadline);

    private RecordedPost PostTo(string pathPart) => Assert.Single(server.Posts, p => p.Path.Contains(pathPart, StringComparison.Ordinal));

    [Fact]
    public async Task The_receivers_Slack_channel_gets_Accept_and_Reject_buttons_and_the_HTTP_accept_link()
    {
        using var host = Host();

        await host.Get<IPeeringNotifier>().NotifyReceiverAsync(Waiting(), CancellationToken.None);

        var slack = PostTo("/slack/services/T0/B0/").Json;
        var buttons = slack["blocks"]!.AsArray().Single(b => (string?)b!["type"] == "actions")!["elements"]!.AsArray();
        Assert.Equal(
            [(SlackMessages.AcceptActionId, $"accept {id}"), (SlackMessages.RejectActionId, $"reject {id}")],
            buttons.Where(b => b!["value"] is not null).Select(b => ((string)b!["action_id"]!, (string)b["value"]!)));
        Assert.Equal($"{ChatOpsHost.PortalBaseUrl}/api/peerings/{id}", (string?)buttons.Single(b => b!["url"] is not null)!["url"]);
        Assert.Contains($"POST {ChatOpsHost.PortalBaseUrl}/api/peerings/{id}/accept", slack.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Peering request for beta", (string?)slack["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_receivers_WeCom_robot_gets_a_template_card_with_the_status_and_accept_links()
    {
        using var host = Host();

        await host.Get<IPeeringNotifier>().NotifyReceiverAsync(Waiting(), CancellationToken.None);

        var post = PostTo("/wecom/cgi-bin/webhook/send");
        Assert.Equal($"?key={Key}", post.Query);
        var card = post.Json["template_card"]!;
        Assert.Equal("template_card", (string?)post.Json["msgtype"]);
        Assert.Equal("text_notice", (string?)card["card_type"]);
        Assert.Equal($"{ChatOpsHost.PortalBaseUrl}/api/peerings/{id}", (string?)card["card_action"]!["url"]);
        Assert.Contains(card["horizontal_content_list"]!.AsArray(), item => (string?)item!["url"] == $"{ChatOpsHost.PortalBaseUrl}/api/peerings/{id}/accept");
        Assert.Contains($"accept {id}", (string?)card["sub_title_text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_receivers_Teams_workflow_gets_an_adaptive_card_that_opens_the_status_page()
    {
        using var host = Host();

        await host.Get<IPeeringNotifier>().NotifyReceiverAsync(Waiting(), CancellationToken.None);

        var attachment = PostTo("/teams/workflows/").Json["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        var card = attachment["content"]!;
        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        var action = Assert.Single(card["actions"]!.AsArray())!;
        Assert.Equal(("Action.OpenUrl", $"{ChatOpsHost.PortalBaseUrl}/api/peerings/{id}"), ((string?)action["type"], (string?)action["url"]));
        Assert.Contains($"POST {ChatOpsHost.PortalBaseUrl}/api/peerings/{id}/accept", card.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_initiators_channel_hears_that_the_peering_waits_for_the_receiver()
    {
        using var host = Host();

        await host.Get<IPeeringNotifier>().NotifyReceiverAsync(Waiting(), CancellationToken.None);

        Assert.Equal(4, server.Posts.Count);
        var alpha = PostTo("/BALPHA/").Json;
        Assert.Contains("Waiting for beta", (string?)alpha["text"], StringComparison.Ordinal);
        Assert.DoesNotContain(SlackMessages.AcceptActionId, alpha.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_external_receiver_has_no_channel_so_only_the_initiator_hears_about_it()
    {
        using var host = Host();

        await host.Get<IPeeringNotifier>().NotifyReceiverAsync(Waiting(receiver: null, uin: "100000000001"), CancellationToken.None);

        var post = Assert.Single(server.Posts);
        Assert.Contains("/BALPHA/", post.Path, StringComparison.Ordinal);
        Assert.Contains("external account 100000000001", post.Body, StringComparison.Ordinal);
        Assert.Contains("Tencent console", post.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_topology_asks_each_receiving_accounts_channel_once_listing_its_pairs_and_how_to_decide()
    {
        using var host = Host();
        var notice = new TopologyConsentNotice("topology-core", "core", "beta",
            ["alpha/ap-guangzhou/vpc-alpha001 → beta/ap-shanghai/vpc-beta0001", "alpha/ap-guangzhou/vpc-alpha002 → beta/ap-shanghai/vpc-beta0002"],
            PeeringInstances.Deadline);

        await host.Get<IPeeringNotifier>().NotifyTopologyConsentAsync(notice, CancellationToken.None);

        Assert.Equal(3, server.Posts.Count); // beta's three channels; alpha receives nothing
        var slack = PostTo("/slack/services/T0/B0/").Json;
        var text = (string)slack["text"]!;
        Assert.StartsWith("Topology request for beta", text, StringComparison.Ordinal);
        Assert.Contains("asks beta to accept 2 peerings", text, StringComparison.Ordinal);
        Assert.Contains("vpc-alpha002 → beta/ap-shanghai/vpc-beta0002", text, StringComparison.Ordinal);
        Assert.Contains("topology accept topology-core", text, StringComparison.Ordinal);
        Assert.Contains($"POST {ChatOpsHost.PortalBaseUrl}/api/topologies/topology-core/accept", slack.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(slack["blocks"]!.AsArray(), b => (string?)b!["type"] == "actions"
            && b["elements"]!.AsArray().Any(e => (string?)e!["action_id"] == SlackMessages.AcceptActionId));
    }

    [Fact]
    public async Task With_a_signing_key_a_topology_notice_carries_the_accounts_signed_approval_link_instead_of_the_api_route()
    {
        using var host = Host(signingKey: "chat-notifier-tests-signing-key-0123456789");
        var notice = new TopologyConsentNotice("topology-core", "core", "beta", ["alpha/ap-guangzhou/vpc-alpha001 → beta/ap-shanghai/vpc-beta0001"], PeeringInstances.Deadline);

        await host.Get<IPeeringNotifier>().NotifyTopologyConsentAsync(notice, CancellationToken.None);

        var slack = PostTo("/slack/services/T0/B0/").Json.ToJsonString();
        Assert.Contains($"{ChatOpsHost.PortalBaseUrl}/api/approve/topology?token=", slack, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/topologies/topology-core/accept", slack, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_outcome_goes_to_the_initiators_channel_and_the_receivers()
    {
        using var host = Host();
        var outcome = new PeeringOutcomeNotice(
            id, "web-to-db", "alpha", "beta", null, PeeringStatus.Active, PeeringInstances.Pcx, "The peering is active and routed on both sides.");

        await host.Get<IPeeringNotifier>().NotifyOutcomeAsync(outcome, CancellationToken.None);

        var alpha = PostTo("/BALPHA/").Json;
        Assert.StartsWith("Peering active: web-to-db", (string?)alpha["text"], StringComparison.Ordinal);
        Assert.Contains("The peering is active and routed on both sides.", (string?)alpha["text"], StringComparison.Ordinal);
        Assert.Contains($"{ChatOpsHost.PortalBaseUrl}/api/peerings/{id}", alpha.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(4, server.Posts.Count);
        Assert.Equal("markdown", (string?)PostTo("/wecom/").Json["msgtype"]);
    }

    [Fact]
    public async Task A_drift_notice_goes_to_both_sides_channels_with_each_finding_in_plain_words()
    {
        using var host = Host();
        var finding = new PeeringFunctions.Registry.DriftFinding(
            PeeringFunctions.Registry.DriftKinds.RouteMissing, PeeringFunctions.Registry.FindingSides.Receiver, "10.10.0.0/16",
            "The route to 10.10.0.0/16 through pcx-x is missing from route table rtb-betapcx1 of vpc-beta0001 (beta).", DateTimeOffset.UnixEpoch);

        await host.Get<IPeeringNotifier>().NotifyDriftAsync(
            new PeeringDriftNotice(id, "web-to-db", "alpha", "beta", PeeringInstances.Pcx, PeeringFunctions.Registry.RepairPolicies.Notify, [finding]),
            CancellationToken.None);

        var alpha = (string?)PostTo("/BALPHA/").Json["text"];
        Assert.StartsWith("Peering drifted: web-to-db", alpha, StringComparison.Ordinal);
        Assert.Contains(finding.Description, alpha, StringComparison.Ordinal);
        Assert.Contains("policy is notify: nothing is repaired automatically", alpha, StringComparison.Ordinal);
        Assert.Contains(finding.Description, PostTo("/slack/services/T0/B0/").Body, StringComparison.Ordinal);
        Assert.Equal(4, server.Posts.Count); // alpha's Slack, beta's Slack, WeCom and Teams
    }

    [Fact]
    public async Task A_stuck_notice_goes_to_the_initiators_channel_only_naming_the_step_and_since_when()
    {
        using var host = Host();
        var since = new DateTimeOffset(2026, 12, 5, 9, 50, 0, TimeSpan.Zero);

        await host.Get<IPeeringNotifier>().NotifyStuckAsync(
            new StuckInstanceNotice(id, id, "web-to-db", "alpha", PeeringSteps.Requesting, since, "longer than 10 minutes"), CancellationToken.None);

        var alpha = (string?)PostTo("/BALPHA/").Json["text"];
        Assert.StartsWith("Peering stuck: web-to-db", alpha, StringComparison.Ordinal);
        Assert.Contains("at step Requesting since 2026-12-05 09:50:00Z (longer than 10 minutes)", alpha, StringComparison.Ordinal);
        Assert.Single(server.Posts); // not the receiver's channels
    }

    [Fact]
    public async Task A_repair_is_told_to_both_sides_with_what_was_done_and_what_was_left_alone()
    {
        using var host = Host();
        var activity = new NotifyRepairActivity(host.Get<IPeeringNotifier>(), NullLogger<NotifyRepairActivity>.Instance);

        var delivered = await activity.RunAsync(Mock.Of<Microsoft.DurableTask.TaskActivityContext>(), new RepairNotice(
            id, "web-to-db", RepairKinds.Repair, RepairStatus.Repaired, PeeringInstances.Pcx, "alpha", "beta",
            "Repaired: re-created the route to 10.10.0.0/16 in rtb-betapcx1 (beta).", ["re-created the route to 10.10.0.0/16 in rtb-betapcx1 (beta)"],
            ["rtb-alphapcx routes 172.16.0.0/16 to NAT nat-12345678 now, not to pcx-ab12cd34: left as it is (alpha)"], []));

        Assert.True(delivered);
        var alpha = (string?)PostTo("/BALPHA/").Json["text"];
        Assert.StartsWith("Peering repaired: web-to-db", alpha, StringComparison.Ordinal);
        Assert.Contains("re-created the route to 10.10.0.0/16", alpha, StringComparison.Ordinal);
        Assert.Contains("Not repaired, on purpose: rtb-alphapcx routes 172.16.0.0/16 to NAT", alpha, StringComparison.Ordinal);
        Assert.Equal(4, server.Posts.Count); // alpha's Slack, beta's three channels
    }

    [Fact]
    public async Task The_workflows_outcome_activity_reaches_the_initiators_channel()
    {
        using var host = Host();
        var activity = new NotifyOutcomeActivity(host.Get<IPeeringNotifier>(), NullLogger<NotifyOutcomeActivity>.Instance);

        var delivered = await activity.RunAsync(Mock.Of<Microsoft.DurableTask.TaskActivityContext>(), new PeeringOutcomeNotice(
            id, "web-to-db", "alpha", null, "100000000001", PeeringStatus.Rejected, PeeringInstances.Pcx, "The receiver rejected the peering."));

        Assert.True(delivered);
        Assert.StartsWith("Peering rejected: web-to-db", (string?)PostTo("/BALPHA/").Json["text"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_teardown_is_told_to_both_sides_with_who_asked()
    {
        using var host = Host();
        var notice = new TeardownNotice(id, "web-to-db", PeeringInstances.Pcx, "alpha", "beta", null, TeardownStatus.Removed,
            "approver of beta (http)", "Teardown asked by approver of beta (http). Torn down: deleted peering pcx.", null);

        await host.Get<IPeeringNotifier>().NotifyTeardownAsync(notice, CancellationToken.None);

        var alpha = (string?)PostTo("/BALPHA/").Json["text"];
        Assert.StartsWith("Peering torn down: web-to-db", alpha, StringComparison.Ordinal);
        Assert.Contains("at the request of approver of beta (http)", alpha, StringComparison.Ordinal);
        Assert.StartsWith("Peering torn down: web-to-db", (string?)PostTo("/B0/").Json["text"], StringComparison.Ordinal);
        Assert.Equal(4, server.Posts.Count);
    }

    [Fact]
    public async Task An_external_receivers_teardown_notice_says_what_it_must_remove_itself()
    {
        using var host = Host();
        const string action = "The receiver's side is an external account (uin 100000000001): in VPC vpc-extern01 it should delete its routes whose next hop is pcx.";
        var activity = new NotifyTeardownActivity(host.Get<IPeeringNotifier>(), NullLogger<NotifyTeardownActivity>.Instance);

        var delivered = await activity.RunAsync(Mock.Of<Microsoft.DurableTask.TaskActivityContext>(), new TeardownNotice(
            id, "to-partner", PeeringInstances.Pcx, "alpha", null, "100000000001", TeardownStatus.Removed, "portal", "Torn down.", action));

        Assert.True(delivered);
        Assert.Contains("in VPC vpc-extern01 it should delete its routes whose next hop is pcx.", (string?)PostTo("/BALPHA/").Json["text"], StringComparison.Ordinal);
        Assert.Single(server.Posts);
    }

    [Fact]
    public async Task Progress_goes_to_the_initiators_channel_only()
    {
        using var host = Host();

        await host.Get<IPeeringChatNotifier>().NotifyProgressAsync(
            new PeeringProgressNotice(id, "web-to-db", "alpha", "beta", PeeringSteps.Configuring, PeeringInstances.Pcx), CancellationToken.None);

        var post = Assert.Single(server.Posts);
        Assert.Contains("/BALPHA/", post.Path, StringComparison.Ordinal);
        Assert.Contains("configuring routes", post.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_channel_shared_by_both_accounts_gets_one_message_not_two()
    {
        var shared = server.Url($"/slack/services/T0/SHARED/{Key}");
        using var host = ChatOpsHost.Create(new Dictionary<string, string?>
        {
            ["ChatOps:Channels:alpha:SlackWebhookUrl"] = shared,
            ["ChatOps:Channels:beta:SlackWebhookUrl"] = shared,
        });

        await host.Get<IPeeringNotifier>().NotifyReceiverAsync(Waiting(), CancellationToken.None);

        Assert.Contains(SlackMessages.AcceptActionId, Assert.Single(server.Posts).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chat_server_answering_500_is_retried_then_given_up_without_throwing()
    {
        using var host = Host(betaPrefix: "/fail");

        await host.Get<IPeeringNotifier>().NotifyReceiverAsync(Waiting(), CancellationToken.None);

        // three beta channels, each tried once and retried twice; alpha's channel still got its message
        Assert.Equal(9, server.Posts.Count(p => p.Path.StartsWith("/fail/", StringComparison.Ordinal)));
        Assert.Single(server.Posts, p => p.Path.Contains("/BALPHA/", StringComparison.Ordinal));
        Assert.Contains(host.Logs.Lines, line => line.Contains("answered HTTP 500", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_chat_server_that_hangs_past_the_timeout_does_not_throw_or_hold_the_peering()
    {
        using var host = ChatOpsHost.Create(new Dictionary<string, string?>
        {
            ["ChatOps:Channels:beta:SlackWebhookUrl"] = server.Url($"/hang/slack/services/T0/B0/{Key}"),
            ["ChatOps:Channels:beta:TeamsWorkflowUrl"] = server.Url($"/hang/teams/workflows/x?sig={Key}"),
            ["ChatOps:Channels:alpha:SlackWebhookUrl"] = server.Url($"/hang/slack/services/T0/BALPHA/{Key}"),
            ["ChatOps:Notifications:AttemptTimeout"] = "00:00:00.500",
            ["ChatOps:Notifications:TotalTimeout"] = "00:00:02",
            ["ChatOps:Notifications:MaxRetries"] = "5",
            ["ChatOps:Notifications:RetryDelay"] = "00:00:00.010",
        });
        var clock = Stopwatch.StartNew();

        await host.Get<IPeeringNotifier>().NotifyReceiverAsync(Waiting(), CancellationToken.None);

        // the total timeout (2 s) bounds each channel, however many retries are allowed
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"took {clock.Elapsed}");
        Assert.True(server.Posts.Count >= 3);
        Assert.Contains(host.Logs.Lines, line => line.Contains("could not be reached: TimeoutRejectedException", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unreachable_chat_server_does_not_throw()
    {
        // A port that is bound but not listening refuses connections, and no other test can take it meanwhile.
        using var closed = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        closed.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)closed.LocalEndPoint!).Port;
        using var host = ChatOpsHost.Create(new Dictionary<string, string?>
        {
            ["ChatOps:Channels:beta:SlackWebhookUrl"] = $"http://127.0.0.1:{port}/slack/services/T0/B0/{Key}",
            ["ChatOps:Notifications:MaxRetries"] = "1",
            ["ChatOps:Notifications:RetryDelay"] = "00:00:00.010",
        });

        await host.Get<IPeeringNotifier>().NotifyReceiverAsync(Waiting(), CancellationToken.None);

        Assert.Contains(host.Logs.Lines, line => line.Contains("could not be reached: HttpRequestException (ConnectionError)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_WeCom_robot_that_refuses_with_an_errcode_is_logged_not_thrown()
    {
        using var host = ChatOpsHost.Create(new Dictionary<string, string?>
        {
            ["ChatOps:Channels:beta:WeComRobotUrl"] = server.Url($"/wecom-error/cgi-bin/webhook/send?key={Key}"),
        });

        await host.Get<IPeeringNotifier>().NotifyReceiverAsync(Waiting(), CancellationToken.None);

        Assert.Single(server.Posts);
        Assert.Contains(host.Logs.Lines, line => line.Contains("errcode 93000", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Webhook_keys_never_appear_in_the_logs_whatever_happens()
    {
        using (var ok = Host())
        {
            await ok.Get<IPeeringNotifier>().NotifyReceiverAsync(Waiting(), CancellationToken.None);
            ok.Logs.AssertNoneContains(Key, "/services/T0");
        }

        using var failing = Host(betaPrefix: "/fail", alphaPrefix: "/hang", attemptTimeout: "00:00:00.300");
        await failing.Get<IPeeringNotifier>().NotifyReceiverAsync(Waiting(), CancellationToken.None);
        Assert.NotEmpty(failing.Logs.Lines);
        failing.Logs.AssertNoneContains(Key, "/services/T0", server.BaseUrl);
    }

    [Fact]
    public async Task A_channel_URL_that_is_plain_http_to_a_public_host_is_skipped()
    {
        using var host = ChatOpsHost.Create(new Dictionary<string, string?>
        {
            ["ChatOps:Channels:beta:SlackWebhookUrl"] = "http://hooks.example.invalid/services/x",
        });

        await host.Get<IPeeringNotifier>().NotifyReceiverAsync(Waiting(), CancellationToken.None);

        Assert.Contains(host.Logs.Lines, line => line.Contains("is not an https URL; skipped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_no_channels_configured_nothing_is_posted()
    {
        using var host = ChatOpsHost.Create();

        await host.Get<IPeeringNotifier>().NotifyReceiverAsync(Waiting(), CancellationToken.None);

        Assert.Empty(server.Posts);
    }

    [Fact]
    public async Task The_workflows_notify_activity_succeeds_through_the_chat_notifier_even_when_chat_is_down()
    {
        using var host = Host(betaPrefix: "/fail", alphaPrefix: "/fail");
        var activity = new NotifyReceiverActivity(host.Get<IPeeringNotifier>(), NullLogger<NotifyReceiverActivity>.Instance);

        var delivered = await activity.RunAsync(Mock.Of<Microsoft.DurableTask.TaskActivityContext>(), Waiting());

        Assert.True(delivered);
    }

    [Fact]
    public void AddPeeringChatOps_replaces_the_default_notifier_whichever_order_the_registrations_come_in()
    {
        var configuration = new ConfigurationBuilder().Build();

        var workflowFirst = new ServiceCollection().AddLogging();
        workflowFirst.AddPeeringWorkflow(configuration);
        workflowFirst.AddPeerings(configuration);
        workflowFirst.AddPeeringChatOps(configuration);
        var chatFirst = new ServiceCollection().AddLogging();
        chatFirst.AddPeeringChatOps(configuration);
        chatFirst.AddPeerings(configuration);
        chatFirst.AddPeeringWorkflow(configuration);

        foreach (var services in new[] { workflowFirst, chatFirst })
        {
            using var provider = services.BuildServiceProvider();
            Assert.IsType<ChatPeeringNotifier>(provider.GetRequiredService<IPeeringNotifier>());
            Assert.Same(provider.GetRequiredService<IPeeringNotifier>(), provider.GetRequiredService<IPeeringChatNotifier>());
            Assert.NotNull(provider.GetRequiredService<ITencentClientFactory>());
        }
    }
}
