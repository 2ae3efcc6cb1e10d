using System.Text.Json;

namespace TencentVpcEmulator.Tests.Support;

/// <summary>An in-process emulator on a free loopback port plus an HttpClient; one per test keeps tests independent.</summary>
internal sealed class Emulator : IAsyncDisposable
{
    private Emulator(TencentVpcEmulatorServer server)
    {
        Server = server;
        Http = new HttpClient { BaseAddress = server.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public TencentVpcEmulatorServer Server { get; }

    public HttpClient Http { get; }

    public static async Task<Emulator> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions();
        configure?.Invoke(options);
        return new Emulator(await TencentVpcEmulatorServer.StartAsync(options));
    }

    public async Task<JsonElement> SendAsync(TencentCall call)
    {
        using var request = call.Build(Server.BaseUrl, Server.Now);
        using var response = await Http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var envelope = document.RootElement.GetProperty("Response").Clone();
        Assert.True(Guid.TryParse(envelope.GetProperty("RequestId").GetString(), out _), "every reply carries a UUID RequestId");
        return envelope;
    }

    public Task<JsonElement> Alpha(string action, object? body = null, string region = Demo.Guangzhou) =>
        SendAsync(new TencentCall { Key = Demo.Alpha, Action = action, Region = region, Body = TencentCall.Json(body ?? new { }) });

    public Task<JsonElement> Beta(string action, object? body = null, string region = Demo.Shanghai) =>
        SendAsync(new TencentCall { Key = Demo.Beta, Action = action, Region = region, Body = TencentCall.Json(body ?? new { }) });

    /// <summary>alpha (gz, vpc-alpha001) → beta (sh, vpc-beta0001) with a 10 Mbps cap (cross-region), still PENDING.</summary>
    public async Task<string> CreateAlphaToBetaAsync(string name = "alpha-beta")
    {
        var r = Api.Ok(await Alpha("CreateVpcPeeringConnection", new
        {
            SourceVpcId = Demo.AlphaVpc,
            PeeringConnectionName = name,
            DestinationVpcId = Demo.BetaVpc,
            DestinationUin = Demo.BetaUin,
            DestinationRegion = Demo.Shanghai,
            Bandwidth = 10,
        }));
        return r.GetProperty("PeeringConnectionId").GetString()!;
    }

    /// <summary>Accepted by beta, and the emulator clock moved past its cross-region activation: ACTIVE.</summary>
    public async Task<string> ActiveAlphaToBetaAsync()
    {
        var id = await CreateAlphaToBetaAsync();
        Api.Ok(await Beta("AcceptVpcPeeringConnection", new { PeeringConnectionId = id }));
        Server.AdvanceClock(TimeSpan.FromSeconds(Server.Activation().CrossRegionSeconds));
        return id;
    }

    public async Task<JsonElement> DescribePeeringAsAlpha(string id) =>
        Api.Ok(await Alpha("DescribeVpcPeeringConnections", new { PeeringConnectionIds = new[] { id } }))
            .GetProperty("PeerConnectionSet")[0];

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
