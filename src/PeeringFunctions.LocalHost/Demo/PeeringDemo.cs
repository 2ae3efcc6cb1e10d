using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using PeeringFunctions.LocalHost.Hosting;
using PeeringFunctions.LocalHost.Http;
using TencentVpcEmulator;

namespace PeeringFunctions.LocalHost.Demo;

/// <summary>
/// `--demo`: one full peering alpha (ap-guangzhou) → beta (ap-shanghai) of the demo seed, driven through the host's own
/// HTTP API the way a portal and an approver would, then checked against the emulator's state.
/// </summary>
public sealed class PeeringDemo(LocalPeeringHost host, TextWriter output)
{
    public const string InitiatorRouteTable = "rtb-alphapcx";
    public const string ReceiverRouteTable = "rtb-betapcx1";
    public const string InitiatorSubnet = "subnet-alphaweb";
    public const string ReceiverSubnet = "subnet-betaapp1";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);
    private readonly Stopwatch clock = new();

    /// <summary>The request the demo posts: the identifiers of docs/demo-ids.md.</summary>
    public static object Request => new
    {
        name = "demo alpha-beta",
        initiator = new
        {
            account = "alpha",
            region = "ap-guangzhou",
            vpcId = "vpc-alpha001",
            routeTableId = InitiatorRouteTable,
            subnetIds = new[] { InitiatorSubnet },
        },
        receiver = new
        {
            account = "beta",
            region = "ap-shanghai",
            vpcId = "vpc-beta0001",
            routeTableId = ReceiverRouteTable,
            subnetIds = new[] { ReceiverSubnet },
        },
        bandwidthMbps = 10,
        chargeType = "POSTPAID_BY_DAY_MAX",
        acceptanceTimeout = "PT1H",
    };

    /// <returns>0 when the peering ends ACTIVE and the emulator shows it configured on both sides; 1 otherwise.</returns>
    public async Task<int> RunAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (host.Emulator is not { } emulator)
        {
            output.WriteLine("--demo needs the embedded emulator: remove the Tencent settings (endpoint, accounts) and run again.");
            return 2;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var http = new HttpClient { BaseAddress = host.BaseUrl };
        if (host.Portal.FunctionKey is { Length: > 0 } functionKey)
        {
            http.DefaultRequestHeaders.Add(FunctionKeyFilter.HeaderName, functionKey);
        }

        clock.Start();
        output.WriteLine("Demo: alpha ap-guangzhou vpc-alpha001 (rtb-alphapcx, subnet-alphaweb) -> beta ap-shanghai vpc-beta0001 (rtb-betapcx1, subnet-betaapp1)");
        try
        {
            var outcome = await DriveAsync(http, deadline.Token);
            return Verify(outcome, emulator.Snapshot()) ? 0 : 1;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            Say($"gave up after {timeout.TotalSeconds:0} s");
            return 1;
        }
        catch (DemoFailedException failure)
        {
            Say("stopped: " + failure.Message);
            return 1;
        }
    }

    private async Task<JsonElement> DriveAsync(HttpClient http, CancellationToken ct)
    {
        using var started = await http.PostAsJsonAsync("api/peerings", Request, ct);
        var startBody = await ReadJsonAsync(started, ct);
        Say($"POST /api/peerings -> {(int)started.StatusCode} {started.StatusCode}, Location {started.Headers.Location}");
        if (!started.IsSuccessStatusCode)
        {
            throw new DemoFailedException($"the API refused the request: {startBody}");
        }

        var id = startBody.GetProperty("id").GetString()!;
        string? lastStep = null;
        var accepted = false;
        while (true)
        {
            using var response = await http.GetAsync($"api/peerings/{id}", ct);
            var view = await ReadJsonAsync(response, ct);
            var step = Text(view, "step") ?? Text(view, "state");
            if (step != lastStep)
            {
                lastStep = step;
                Say($"step {step,-21} {Text(view, "peeringConnectionId") ?? "-",-14} initiator {Side(view, "initiator"),-11} receiver {Side(view, "receiver")}");
            }

            if (Text(view, "runtimeStatus") is not ("Running" or "Pending"))
            {
                Say($"finished: {Text(view, "runtimeStatus")} / {Text(view, "state")}: {Text(view, "message")}");
                return view;
            }

            if (!accepted && step == "WaitingForAcceptance")
            {
                accepted = true;
                using var accept = new HttpRequestMessage(HttpMethod.Post, $"api/peerings/{id}/accept");
                accept.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TencentSettings.DemoApproverKey("beta"));
                using var answer = await http.SendAsync(accept, ct);
                Say($"POST /api/peerings/{id}/accept as beta's approver -> {(int)answer.StatusCode} {answer.StatusCode}");
                if (!answer.IsSuccessStatusCode)
                {
                    throw new DemoFailedException($"accept was refused: {await answer.Content.ReadAsStringAsync(ct)}");
                }
            }

            await Task.Delay(PollInterval, ct);
        }
    }

    private bool Verify(JsonElement view, EmulatorState state)
    {
        var pcx = Text(view, "peeringConnectionId");
        output.WriteLine();
        output.WriteLine("Emulator state afterwards:");
        if (pcx is not null && state.Peering(pcx) is { } peering)
        {
            output.WriteLine($"  peering {peering.PeeringConnectionId} {peering.State}: {peering.SourceVpcId} ({peering.SourceAccount}, {peering.SourceRegion}) -> " +
                $"{peering.DestinationVpcId} ({peering.DestinationAccount}, {peering.DestinationRegion}), {peering.Bandwidth} Mbps {peering.ChargeType}");
        }

        foreach (var tableId in new[] { InitiatorRouteTable, ReceiverRouteTable })
        {
            if (state.RouteTable(tableId) is not { } table)
            {
                continue;
            }

            output.WriteLine($"  {table.RouteTableId} ({table.VpcId}): subnets {string.Join(", ", table.AssociatedSubnetIds)}");
            foreach (var route in table.Routes)
            {
                output.WriteLine($"    {route.DestinationCidrBlock,-16} -> {route.GatewayType} {route.GatewayId} ({route.RouteItemId}, {(route.Enabled ? "enabled" : "disabled")}, \"{route.RouteDescription}\")");
            }
        }

        var problems = new List<string>();
        if (Text(view, "state") != "Active")
        {
            problems.Add($"the orchestration ended {Text(view, "state")}, not Active");
        }

        if (pcx is null || state.Peering(pcx)?.State != "ACTIVE")
        {
            problems.Add($"peering {pcx ?? "(none)"} is not ACTIVE on the emulator");
        }

        foreach (var (tableId, subnetId) in new[] { (InitiatorRouteTable, InitiatorSubnet), (ReceiverRouteTable, ReceiverSubnet) })
        {
            var table = state.RouteTable(tableId);
            if (table is null || !table.Routes.Any(r => r.GatewayType == "PEERCONNECTION" && r.GatewayId == pcx && r.Enabled))
            {
                problems.Add($"{tableId} has no enabled route via {pcx}");
            }

            if (state.Subnet(subnetId)?.RouteTableId != tableId)
            {
                problems.Add($"{subnetId} is not associated with {tableId}");
            }
        }

        output.WriteLine();
        output.WriteLine(problems.Count == 0
            ? $"Verified: {pcx} is ACTIVE, routed both ways and both subnets are associated ({clock.Elapsed.TotalSeconds:0.000} s)."
            : "NOT verified: " + string.Join("; ", problems) + ".");
        return problems.Count == 0;
    }

    private void Say(string line) =>
        output.WriteLine($"[{DateTime.Now.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)} +{clock.Elapsed.TotalSeconds,6:0.000}s] {line}");

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string Side(JsonElement view, string side) =>
        view.TryGetProperty(side, out var s) ? Text(s, "progress") ?? "-" : "-";
}

/// <summary>The demo could not go on (the API refused a step); the message says which.</summary>
public sealed class DemoFailedException(string message) : Exception(message);
