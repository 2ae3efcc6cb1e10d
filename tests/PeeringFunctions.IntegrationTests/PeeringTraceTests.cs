using System.Diagnostics;
using PeeringFunctions.IntegrationTests.Support;
using PeeringFunctions.LocalHost.Durable;
using PeeringFunctions.Testing.Processes;
using PeeringFunctions.Peerings.Telemetry;
using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.Workflow.Contracts;
using static PeeringFunctions.Testing.Builders.DemoIds;

namespace PeeringFunctions.IntegrationTests;

/// <summary>What one peering request looks like as a trace: the HTTP call, the orchestration, its activities, each Tencent call.</summary>
[Collection(nameof(TelemetryCollection))]
public sealed class PeeringTraceTests
{
    private const string InstanceIdTag = "durabletask.task.instance_id";

    [Fact]
    public async Task A_peering_request_is_one_trace_from_its_http_call_through_every_activity_to_every_tencent_call()
    {
        await using var host = await TelemetryHost.StartAsync();
        await AssertOneTraceAsync(host);
    }

    /// <summary>Where the instance's trace context is kept with its history in storage, and read back at every episode.</summary>
    [Fact]
    public async Task On_the_azure_storage_backend_a_peering_request_is_one_trace_too()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        await using var host = await TelemetryHost.StartAsync(durableBackend: new DurableBackendOptions
        {
            Kind = DurableBackendKind.AzureStorage,
            StorageConnectionString = azurite.ConnectionString,
            TaskHubName = "TraceHub",
            PollingInterval = TimeSpan.FromMilliseconds(100),
        });
        await AssertOneTraceAsync(host);
    }

    [Fact]
    public async Task A_peering_requested_in_slack_is_one_trace_from_the_webhook_to_every_tencent_call()
    {
        const string secret = "telemetry-test-slack-signing-secret";
        await using var host = await TelemetryHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["ChatOps:Slack:SigningSecret"] = secret,
            ["ChatOps:Approvers:beta:0"] = "slack:UREQUESTER", // a request in chat comes from an approver of the initiator's account
        });
        // One account on both sides: Tencent makes it ACTIVE at once, no decision needed.
        var (status, reply) = await SlackCommandAsync(host.Http, secret,
            $"request name=chat-trace from={Beta}/{Shanghai}/{BetaVpc} to={Beta}/{Guangzhou}/{BetaGzVpc} bandwidthMbps=10 " +
            $"initiator.routeTableId={BetaPeeringTable} initiator.subnetIds={BetaAppSubnet} receiver.routeTableId={BetaGzMainTable} receiver.subnetIds={BetaGzSubnet}");
        Assert.True(status == System.Net.HttpStatusCode.OK, reply);
        var id = PeeringFunctions.Peerings.PeeringInstanceIds.ForPair(BetaVpc, BetaGzVpc);
        Assert.Contains(id, reply, StringComparison.Ordinal);
        Assert.Equal(PeeringStatus.Active, (await host.Api.WaitForEndAsync(id)).State);
        host.Flush();

        var webhook = Assert.Single(host.Spans, s => s.Kind == ActivityKind.Server && s.DisplayName == "POST /api/chat/slack/commands");
        var tencent = host.Spans.Where(s => s.Source.Name == TencentTelemetry.Name).ToList();
        Assert.Equal(host.Emulator.Calls().Totals.Total, tencent.Count);
        Assert.All(tencent, call => Assert.Equal(webhook.TraceId, call.TraceId));
        Assert.Contains(host.Spans, s => s.DisplayName.StartsWith("create_orchestration:", StringComparison.Ordinal) && s.ParentSpanId == webhook.SpanId);
    }

    private static async Task<(System.Net.HttpStatusCode Status, string Reply)> SlackCommandAsync(HttpClient http, string secret, string text)
    {
        var body = $"team_id=T0TELEMETRY&user_id=UREQUESTER&user_name=tester&command=%2Fpeering&text={Uri.EscapeDataString(text)}&trigger_id={Guid.NewGuid():N}";
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = "v0=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(secret), System.Text.Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/chat/slack/commands")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", signature);
        using var response = await http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task AssertOneTraceAsync(TelemetryHost host)
    {
        var started = await host.Api.StartAcceptedAsync(PeeringRequests.SameRegion());
        await host.Api.WaitForStepAsync(started.Id, PeeringSteps.WaitingForAcceptance);
        await host.Api.DecideAcceptedAsync(started.Id, accept: true, ApproverKey(Beta));
        Assert.Equal(PeeringStatus.Active, (await host.Api.WaitForEndAsync(started.Id)).State);
        host.Flush();

        var spans = host.Spans.ToList();
        var request = Assert.Single(spans, s => s.Kind == ActivityKind.Server && s.DisplayName == "POST /api/peerings");
        var trace = spans.Where(s => s.TraceId == request.TraceId).ToDictionary(s => s.SpanId);

        // Every activity the orchestration ran (before and after the receiver's decision) is in the request's trace.
        var activities = spans.Where(s => s.Source.Name == TelemetryNames.DurableTask && s.Kind == ActivityKind.Server
            && s.DisplayName.StartsWith("activity:", StringComparison.Ordinal) && Equals(s.GetTagItem(InstanceIdTag), started.Id)).ToList();
        Assert.Contains(activities, a => a.DisplayName.StartsWith("activity:CreatePeeringActivity", StringComparison.Ordinal));
        Assert.Contains(activities, a => a.DisplayName.StartsWith("activity:AcceptPeeringActivity", StringComparison.Ordinal));
        Assert.Contains(activities, a => a.DisplayName.StartsWith("activity:CreateRoutesActivity", StringComparison.Ordinal));
        Assert.All(activities, a => Assert.Equal(request.TraceId, a.TraceId));

        // Every call the emulator answered is a client span in that trace, under an activity, under the request.
        var calls = host.Emulator.Calls();
        var tencent = spans.Where(s => s.Source.Name == TencentTelemetry.Name).ToList();
        Assert.Equal(calls.Totals.Total, tencent.Count);
        Assert.All(tencent, call =>
        {
            Assert.Equal(request.TraceId, call.TraceId);
            var ancestors = Ancestors(call, trace);
            Assert.Contains(ancestors, a => a.DisplayName.StartsWith("activity:", StringComparison.Ordinal) && a.Kind == ActivityKind.Server);
            Assert.Equal(request.SpanId, ancestors[^1].SpanId);
            Assert.Contains(call.GetTagItem(TencentTelemetry.Tags.Account) as string, new[] { Alpha, Beta });
            Assert.Equal(Guangzhou, call.GetTagItem(TencentTelemetry.Tags.Region));
            Assert.Equal(TencentTelemetry.Success, call.GetTagItem(TencentTelemetry.Tags.Result));
            Assert.False(string.IsNullOrEmpty(call.GetTagItem(TencentTelemetry.Tags.RequestId) as string));
            Assert.False(string.IsNullOrEmpty(call.GetTagItem(TencentTelemetry.Tags.Action) as string));
        });
        Assert.Contains(tencent, c => Equals(c.GetTagItem(TencentTelemetry.Tags.Action), "AcceptVpcPeeringConnection")
            && Equals(c.GetTagItem(TencentTelemetry.Tags.Account), Beta));

        // The decision is a request of its own: it raised an event, and the work it released stayed in the first trace.
        var accept = Assert.Single(spans, s => s.Kind == ActivityKind.Server && s.DisplayName == "POST /api/peerings/{id}/accept");
        Assert.NotEqual(request.TraceId, accept.TraceId);
    }

    [Fact]
    public async Task A_failed_tencent_call_is_an_error_span_with_its_error_code_in_the_same_trace()
    {
        await using var host = await TelemetryHost.StartAsync();
        // Transient: the activity's retry policy sends it again, and the peering still ends Active.
        host.Emulator.AddFault(new TencentVpcEmulator.FaultRule { Action = "CreateRoutes", Code = "InternalError", Count = 1 });
        var started = await host.Api.StartAcceptedAsync(PeeringRequests.SameAccount());
        Assert.Equal(PeeringStatus.Active, (await host.Api.WaitForEndAsync(started.Id)).State);
        host.Flush();

        var request = Assert.Single(host.Spans, s => s.Kind == ActivityKind.Server && s.DisplayName == "POST /api/peerings");
        var failed = Assert.Single(host.Spans, s => s.Source.Name == TencentTelemetry.Name && s.Status == ActivityStatusCode.Error);
        Assert.Equal(request.TraceId, failed.TraceId);
        Assert.Equal("CreateRoutes", failed.GetTagItem(TencentTelemetry.Tags.Action));
        Assert.Equal("InternalError", failed.GetTagItem(TencentTelemetry.Tags.ErrorCode));
        Assert.False(string.IsNullOrEmpty(failed.GetTagItem(TencentTelemetry.Tags.RequestId) as string));
    }

    /// <summary>The span's parents, nearest first, as far as the trace holds them (the last is the root).</summary>
    private static List<Activity> Ancestors(Activity span, IReadOnlyDictionary<ActivitySpanId, Activity> trace)
    {
        var chain = new List<Activity>();
        for (var parent = span.ParentSpanId; trace.TryGetValue(parent, out var next); parent = next.ParentSpanId)
        {
            chain.Add(next);
        }

        return chain;
    }
}
