using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using PeeringFunctions.IntegrationTests.Support;
using PeeringFunctions.LocalHost.Hosting;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Orchestrations;
using TencentVpcEmulator;
using static PeeringFunctions.Testing.Builders.DemoIds;

namespace PeeringFunctions.IntegrationTests;

/// <summary>
/// What the exporters carry after a peering with real-looking Tencent keys (through a throttled call and a retried
/// failure): no key, SecretId or approver key in any span, metric or log; and the orchestrator's log lines once each,
/// however often it replayed.
/// </summary>
[Collection(nameof(TelemetryCollection))]
public sealed class TelemetrySecretScanTests
{
    [Fact]
    public async Task No_secret_appears_in_spans_metrics_or_logs_and_no_orchestrator_log_line_repeats_on_replay()
    {
        var seed = WithRealLookingKeys(EmulatorSeed.Demo);
        await using var host = await TelemetryHost.StartAsync(seed, LogLevel.Trace);
        host.Emulator.AddFault(new FaultRule { Action = "DescribeRouteTables", Code = "RequestLimitExceeded", Count = 1 });
        host.Emulator.AddFault(new FaultRule { Action = "ReplaceRouteTableAssociation", Code = "InternalError", Count = 1 });
        var started = await host.Api.StartAcceptedAsync(PeeringRequests.SameRegion());
        await host.Api.WaitForStepAsync(started.Id, PeeringSteps.WaitingForAcceptance);
        await host.Api.DecideAcceptedAsync(started.Id, accept: true, ApproverKey(Beta));
        Assert.Equal(PeeringStatus.Active, (await host.Api.WaitForEndAsync(started.Id)).State);
        host.Flush();
        Assert.Equal(2, host.Emulator.Calls().Totals.FaultsInjected); // the throttled call and the failed one happened

        var secrets = seed.Accounts.SelectMany(a => new[] { a.SecretKey, a.SecretId, TencentSettings.DemoApproverKey(a.Name) }).ToList();
        var texts = SpanTexts(host.Spans)
            .Concat(host.Metrics.SelectMany(m => m.MetricPoints.SelectMany(p => MetricPoints.TagsOf(p).Select(t => $"{m.Name} {t.Key}={t.Value}"))))
            .Concat(host.LogRecords.Select(r => $"{r.CategoryName} {r.FormattedMessage} {r.Body} {string.Join(";", r.Attributes ?? [])} {r.Exception}"))
            .Concat(host.Logs.Lines)
            .ToList();

        // The scan had something to look at: spans with Tencent tags, metrics, Trace-level lines from both containers.
        Assert.Contains(texts, t => t.Contains("tencent.request_id", StringComparison.Ordinal));
        Assert.Contains(host.Logs.Lines, l => l.StartsWith("Trace ", StringComparison.Ordinal));
        Assert.Contains(host.Logs.Lines, l => l.Contains("Microsoft.DurableTask", StringComparison.Ordinal));
        Assert.NotEmpty(host.LogRecords);
        var hits = texts.SelectMany(t => secrets.Where(s => t.Contains(s, StringComparison.Ordinal)).Select(s => $"{s[..6]}… in: {t}")).ToList();
        Assert.True(hits.Count == 0, "Secrets found:\n" + string.Join('\n', hits.Take(10)));

        // The orchestration replayed its history at every step after the decision; its decision line was written once.
        Assert.True(host.Host.Engine.Dispatched!.OrchestrationEpisodes >= 5, $"only {host.Host.Engine.Dispatched.OrchestrationEpisodes} episodes");
        var orchestratorLines = host.Logs.Lines.Where(l => l.Contains($" {nameof(PeeringOrchestrator)}: ", StringComparison.Ordinal)).ToList();
        Assert.Single(orchestratorLines, l => l.Contains(": decision ", StringComparison.Ordinal));
        Assert.All(orchestratorLines.GroupBy(l => l), line => Assert.Single(line));
    }

    /// <summary>The demo world with keys shaped like Tencent's (AKID + 32 characters, a 32-character key), random per run.</summary>
    private static EmulatorSeed WithRealLookingKeys(EmulatorSeed demo) => new()
    {
        Vpcs = demo.Vpcs,
        Accounts = [.. demo.Accounts.Select(a => new SeedAccount
        {
            Name = a.Name,
            Uin = a.Uin,
            AppId = a.AppId,
            SecretId = "AKID" + RandomNumberGenerator.GetString(Alphabet, 32),
            SecretKey = RandomNumberGenerator.GetString(Alphabet, 32),
        })],
    };

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private static IEnumerable<string> SpanTexts(IEnumerable<Activity> spans) => spans.SelectMany(s =>
        new[] { $"{s.Source.Name} {s.DisplayName} {s.StatusDescription}" }
            .Concat(s.TagObjects.Select(t => $"{t.Key}={t.Value}"))
            .Concat(s.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name} {t.Key}={t.Value}")))
            .Concat(s.Baggage.Select(b => $"{b.Key}={b.Value}")));
}
