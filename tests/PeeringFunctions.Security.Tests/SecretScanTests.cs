using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using PeeringFunctions.Workflow.Contracts;
using TencentVpcEmulator;

namespace PeeringFunctions.Security.Tests;

/// <summary>
/// Item 5, secrets: after full runs on the local host's persistent backend — a success with transient faults and a
/// teardown, a rejection (after refused credentials), a compensated failure, a pre-flight refusal, and an account
/// whose key Tencent refuses — the Tencent secret keys (and the SecretIds in full) appear nowhere: not in the
/// orchestration history, instance records (inputs, outputs, custom status, failure details), large-message blobs or
/// queue messages that the Durable Task Framework wrote to Azurite (read through the storage SDK and as raw files), nor
/// the peering registry and the audit trail beside it (every table on that storage is read, and their API answers),
/// not in any HTTP API answer, and not in one line of the host's own output at Trace level (every logger of the
/// HTTP API, the worker, the activities and the Durable sidecar).
/// </summary>
public sealed class SecretScanTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string WrongKey = "gammaRevokedSecretKey00000000003";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private readonly EmulatorSeed seed = EmulatorSeed.Demo;
    private AzuriteServer azurite = null!;
    private EmulatorProcess emulator = null!;

    public async Task InitializeAsync()
    {
        azurite = await AzuriteServer.StartAsync();
        emulator = await EmulatorProcess.StartAsync(randomSeed: 7);
    }

    public async Task DisposeAsync()
    {
        await emulator.DisposeAsync();
        await azurite.DisposeAsync();
    }

    [Fact]
    public async Task Tencent_secret_keys_appear_nowhere_in_history_instances_outputs_exceptions_api_answers_or_logs_after_success_and_failure_runs()
    {
        var figures = new Figures(output, "secret scan");
        var beta = seed.Accounts.Single(a => a.Name == "beta");
        var environment = HostProcess.Environment(emulator.BaseUrl, seed, azurite.ConnectionString, "SecretScan", new Dictionary<string, string?>
        {
            ["Logging__LogLevel__Default"] = "Trace",
            // gamma: beta's account under a key Tencent no longer accepts (signature failures on every call).
            ["Tencent__Accounts__gamma__Uin"] = beta.Uin.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Tencent__Accounts__gamma__SecretId"] = beta.SecretId,
            ["Tencent__Accounts__gamma__SecretKey"] = WrongKey,
            ["Tencent__Accounts__gamma__ApproverKey"] = HostProcess.ApproverKey("gamma"),
        });
        await using var host = await HostProcess.StartAsync(environment);
        var portal = new PeeringApiDriver(host.Http, waitOutUnanswered: true);
        var ids = new List<string>();

        // 1. Success through transient faults (lost reply, throttling), then teardown.
        await emulator.AddFaultAsync(new FaultRule { Action = "CreateVpcPeeringConnection", Mode = FaultMode.DropReply, Count = 1 });
        await emulator.AddFaultAsync(new FaultRule { Action = "*", Code = "RequestLimitExceeded", Count = 2 });
        var success = (await portal.StartAcceptedAsync(PeeringRequests.CrossRegion("scan success"))).Id;
        ids.Add(success);
        await portal.WaitForStepAsync(success, PeeringSteps.WaitingForAcceptance, Timeout);
        await portal.DecideAcceptedAsync(success, accept: true, HostProcess.ApproverKey("beta"));
        Assert.Equal(PeeringStatus.Active, (await portal.WaitForEndAsync(success, Timeout)).State);
        using (var teardown = await host.Http.DeleteAsync($"api/peerings/{success}"))
        {
            Assert.Equal(HttpStatusCode.Accepted, teardown.StatusCode);
        }

        await portal.WaitUntilAsync(success, v => v.Teardown?.RuntimeStatus == "Completed", "teardown completed", Timeout);
        await emulator.ClearFaultsAsync();

        // 2. Refused credentials, then a rejection.
        var rejected = (await portal.StartAcceptedAsync(PeeringRequests.Peering("scan rejected",
            PeeringRequests.Side("alpha", "ap-guangzhou", DemoIds.AlphaVpc), PeeringRequests.Side("beta", "ap-guangzhou", DemoIds.BetaGzVpc), crossRegion: false))).Id;
        ids.Add(rejected);
        await portal.WaitForStepAsync(rejected, PeeringSteps.WaitingForAcceptance, Timeout);
        using (var forbidden = await portal.DecideWithAuthorizationAsync(rejected, accept: true, "Bearer " + HostProcess.ApproverKey("alpha")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        await portal.DecideAcceptedAsync(rejected, accept: false, HostProcess.ApproverKey("beta"));
        Assert.Equal(PeeringStatus.Rejected, (await portal.WaitForEndAsync(rejected, Timeout)).State);

        // 3. A permanent failure after the peering exists: compensated.
        await emulator.AddFaultAsync(new FaultRule { Action = "CreateRoutes", Code = "LimitExceeded", Message = "route table is full", Count = 1 });
        var compensated = (await portal.StartAcceptedAsync(PeeringRequests.Peering("scan compensated",
            PeeringRequests.Side("beta", "ap-shanghai", DemoIds.BetaVpc, DemoIds.BetaPeeringTable, DemoIds.BetaAppSubnet),
            PeeringRequests.Side("beta", "ap-guangzhou", DemoIds.BetaGzVpc, DemoIds.BetaGzMainTable, DemoIds.BetaGzSubnet), crossRegion: true))).Id;
        ids.Add(compensated);
        Assert.Equal(PeeringStatus.Failed, (await portal.WaitForEndAsync(compensated, Timeout)).State);
        await emulator.ClearFaultsAsync();

        // 4. Pre-flight refusal (overlapping CIDRs).
        var refused = (await portal.StartAcceptedAsync(PeeringRequests.Peering("scan refused",
            PeeringRequests.Side("alpha", "ap-guangzhou", DemoIds.AlphaVpc), PeeringRequests.Side("beta", "ap-shanghai", DemoIds.BetaOverlapVpc), crossRegion: true))).Id;
        ids.Add(refused);
        Assert.Equal(PeeringStatus.PreflightFailed, (await portal.WaitForEndAsync(refused, Timeout)).State);

        // 5. An account whose key Tencent refuses: every call fails with AuthFailure.
        var badKey = (await portal.StartAcceptedAsync(PeeringRequests.Peering("scan bad key",
            PeeringRequests.Side("gamma", "ap-guangzhou", DemoIds.BetaGzVpc), PeeringRequests.Side("gamma", "ap-shanghai", DemoIds.BetaOverlapVpc), crossRegion: true))).Id;
        ids.Add(badKey);
        var badKeyEnd = await portal.WaitForEndAsync(badKey, Timeout);
        figures.Line($"runs: {string.Join(", ", ids.Select(id => id.Replace("peering-", "", StringComparison.Ordinal)))}; the bad-key run ended {badKeyEnd.RuntimeStatus}/{badKeyEnd.State}: {badKeyEnd.Message}");

        // What must never appear, and where to look.
        var secrets = seed.Accounts.SelectMany(a => new[] { ($"{a.Name} SecretKey", a.SecretKey), ($"{a.Name} SecretId", a.SecretId) })
            .Append(("gamma SecretKey", WrongKey)).ToList();
        var scanner = new SecretScanner(secrets);

        foreach (var id in ids)
        {
            scanner.Scan($"GET /api/peerings/{id}", await host.Http.GetStringAsync($"api/peerings/{id}"));
            scanner.Scan($"GET /api/peerings/{id}/audit", await host.Http.GetStringAsync($"api/peerings/{id}/audit"));
        }

        scanner.Scan("GET /api/peerings", await host.Http.GetStringAsync("api/peerings"));
        var storage = await ScanStorageAsync(scanner);
        var logLines = host.Output;
        foreach (var line in logLines)
        {
            scanner.Scan("host output (Trace)", line);
        }

        foreach (var file in Directory.EnumerateFiles(azurite.Location, "*", SearchOption.AllDirectories))
        {
            scanner.Scan($"azurite file {Path.GetFileName(file)}", await File.ReadAllBytesAsync(file));
        }

        figures.Line($"scanned: {storage.HistoryRows} history rows and {storage.Entities - storage.HistoryRows} other table entities in {storage.Tables} tables, {storage.Blobs} blobs, {storage.QueueMessages} queued messages, {Directory.EnumerateFiles(azurite.Location, "*", SearchOption.AllDirectories).Count()} raw Azurite files, {ids.Count + 1} API answers, {logLines.Count} host output lines; {scanner.Bytes / 1024} KiB in all");
        figures.Line($"looked for {secrets.Count} values (every SecretKey, every SecretId in full): {scanner.Hits.Count} found");

        // The scan can see: the history names the runs, the logs are at Trace, and the same matcher finds the SecretIds in the emulator's own banner.
        Assert.True(storage.HistoryText.Contains(success, StringComparison.Ordinal) && storage.HistoryText.Contains(badKey, StringComparison.Ordinal), "the history table does not name the runs");
        Assert.Contains(logLines, l => l.Contains("trce:", StringComparison.Ordinal) || l.Contains("dbug:", StringComparison.Ordinal));
        // The audit trail's table (beside the registry's, on the same storage) was among the tables scanned, with the Tencent writes in it.
        Assert.True(storage.AuditText.Contains("CreateVpcPeeringConnection", StringComparison.Ordinal) && storage.AuditText.Contains(success, StringComparison.Ordinal),
            "the audit table holds none of the runs' Tencent writes");
        Assert.True(storage.HistoryText.Contains("AuthFailure", StringComparison.Ordinal) || string.Join('\n', logLines).Contains("AuthFailure", StringComparison.Ordinal), "the bad-key failure left no trace to scan");
        var control = new SecretScanner(secrets);
        control.Scan("emulator output", string.Join('\n', emulator.Output));
        Assert.NotEmpty(control.Hits);

        Assert.True(scanner.Hits.Count == 0, "Secrets found:\n" + string.Join('\n', scanner.Hits.Take(20)));
    }

    private async Task<StorageScan> ScanStorageAsync(SecretScanner scanner)
    {
        var result = new StorageScan();
        var history = new StringBuilder();
        var audit = new StringBuilder();
        var tables = new TableServiceClient(azurite.ConnectionString);
        await foreach (var table in tables.QueryAsync())
        {
            result.Tables++;
            await foreach (var entity in tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                result.Entities++;
                var isHistory = table.Name.EndsWith("History", StringComparison.Ordinal);
                var isAudit = table.Name.EndsWith("audit", StringComparison.Ordinal);
                result.HistoryRows += isHistory ? 1 : 0;
                foreach (var (key, value) in entity)
                {
                    var text = value switch
                    {
                        string s => s,
                        byte[] bytes => Encoding.UTF8.GetString(Gunzip(bytes)),
                        BinaryData data => Encoding.UTF8.GetString(Gunzip(data.ToArray())),
                        _ => value?.ToString() ?? "",
                    };
                    scanner.Scan($"table {table.Name} {entity.PartitionKey}/{entity.RowKey} {key}", text);
                    if (isHistory)
                    {
                        history.Append(text).Append('\n');
                    }

                    if (isAudit)
                    {
                        audit.Append(entity.PartitionKey).Append(' ').Append(text).Append('\n');
                    }
                }
            }
        }

        var blobs = new BlobServiceClient(azurite.ConnectionString);
        await foreach (var container in blobs.GetBlobContainersAsync())
        {
            var client = blobs.GetBlobContainerClient(container.Name);
            await foreach (var blob in client.GetBlobsAsync())
            {
                result.Blobs++;
                var content = (await client.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray();
                scanner.Scan($"blob {container.Name}/{blob.Name}", Gunzip(content));
            }
        }

        var queues = new QueueServiceClient(azurite.ConnectionString);
        await foreach (var queue in queues.GetQueuesAsync())
        {
            foreach (var message in (await queues.GetQueueClient(queue.Name).PeekMessagesAsync(32)).Value)
            {
                result.QueueMessages++;
                var text = message.Body.ToString();
                scanner.Scan($"queue {queue.Name}", text);
                var decoded = new byte[text.Length];
                if (Convert.TryFromBase64String(text, decoded, out var written))
                {
                    scanner.Scan($"queue {queue.Name} (base64-decoded)", Gunzip(decoded[..written]));
                }
            }
        }

        result.HistoryText = history.ToString();
        result.AuditText = audit.ToString();
        return result;
    }

    /// <summary>The Durable Task Framework gzips large payloads; anything else is returned as it is.</summary>
    private static byte[] Gunzip(byte[] bytes)
    {
        if (bytes.Length < 2 || bytes[0] != 0x1f || bytes[1] != 0x8b)
        {
            return bytes;
        }

        using var input = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var outputStream = new MemoryStream();
        input.CopyTo(outputStream);
        return outputStream.ToArray();
    }

    private sealed class StorageScan
    {
        public int Tables { get; set; }

        public int Entities { get; set; }

        public int HistoryRows { get; set; }

        public int Blobs { get; set; }

        public int QueueMessages { get; set; }

        public string HistoryText { get; set; } = "";

        public string AuditText { get; set; } = "";
    }

    /// <summary>Looks for each value as UTF-8 text and as the JSON-escaped form a serializer might have written.</summary>
    private sealed class SecretScanner(IReadOnlyList<(string Name, string Value)> secrets)
    {
        public List<string> Hits { get; } = [];

        public long Bytes { get; private set; }

        public void Scan(string source, string text)
        {
            Bytes += text.Length;
            foreach (var (name, value) in secrets)
            {
                if (text.Contains(value, StringComparison.Ordinal) || text.Contains(JsonValue.Create(value).ToJsonString().Trim('"'), StringComparison.Ordinal))
                {
                    Hits.Add($"{name} in {source}");
                }
            }
        }

        public void Scan(string source, byte[] bytes)
        {
            Bytes += bytes.Length;
            foreach (var (name, value) in secrets)
            {
                if (bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(value)) >= 0 || bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(value)) >= 0)
                {
                    Hits.Add($"{name} in {source}");
                }
            }
        }
    }
}
