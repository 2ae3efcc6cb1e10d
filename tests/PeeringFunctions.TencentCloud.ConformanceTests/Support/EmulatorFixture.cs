using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.Common.Profile;
using PeeringFunctions.TencentCloud.Vpc.V20170312;
using TencentVpcEmulator;

namespace PeeringFunctions.TencentCloud.ConformanceTests.Support;

/// <summary>
/// One emulator per test class on a free loopback port, seeded with <see cref="World"/>. Test classes call
/// <see cref="Reset"/> from their constructor, so every test starts from the seed with no faults, latency,
/// rate limits or clock offset.
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private TencentVpcEmulatorServer? _server;

    public TencentVpcEmulatorServer Server => _server ?? throw new InvalidOperationException("The emulator has not started.");

    public async Task InitializeAsync() =>
        _server = await TencentVpcEmulatorServer.StartAsync(new EmulatorOptions
        {
            Seed = World.Create(),
            Urls = "http://127.0.0.1:0",
        });

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public void Reset() => Server.Reset();

    /// <summary>Moves the emulator clock past a cross-region activation (accepted peerings stay PENDING until then).</summary>
    public void PassActivation() => Server.AdvanceClock(TimeSpan.FromSeconds(Server.Activation().CrossRegionSeconds));

    /// <summary>
    /// A client for <paramref name="key"/> pointed at this emulator. By default its clock follows the emulator's
    /// (system time plus whatever AdvanceClock added), so moving the emulator clock never makes signatures expire;
    /// <paramref name="clockSkew"/> adds a deliberate error on top.
    /// </summary>
    public VpcClient Client(
        ApiKey key,
        string region,
        string? secretKeyOverride = null,
        string? secretIdOverride = null,
        string? token = null,
        TimeSpan clockSkew = default,
        TimeSpan? timeout = null,
        HttpClient? httpClient = null) =>
        new(
            new Credential(secretIdOverride ?? key.SecretId, secretKeyOverride ?? key.SecretKey, token),
            region,
            new ClientProfile
            {
                HttpProfile = new HttpProfile
                {
                    BaseUrl = Server.BaseUrl,
                    Timeout = timeout ?? TimeSpan.FromSeconds(30),
                },
            },
            httpClient,
            new EmulatorClockTimeProvider(Server, clockSkew));

    public VpcClient Alpha(string region = World.Guangzhou) => Client(World.Alpha, region);

    public VpcClient Beta(string region = World.Shanghai) => Client(World.Beta, region);
}

/// <summary>System time plus the emulator's clock offset plus an optional skew; timers stay on real time.</summary>
public sealed class EmulatorClockTimeProvider(TencentVpcEmulatorServer server, TimeSpan skew) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + server.ClockOffset + skew;
}
