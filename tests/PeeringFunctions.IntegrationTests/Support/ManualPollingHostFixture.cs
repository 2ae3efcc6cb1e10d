using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PeeringFunctions.Peerings.Acceptance;
using PeeringFunctions.TencentAccess.Accounts;
using PeeringFunctions.Testing.Hosting;
using TencentVpcEmulator;

namespace PeeringFunctions.IntegrationTests.Support;

/// <summary>
/// A local host whose own periodic acceptance poller is switched off ("AcceptancePoll:Enabled" = false), so that a
/// test ticks the host's <see cref="AcceptancePoller"/> itself, when it chooses, and no background tick can race it.
/// </summary>
public sealed class ManualPollingHostFixture : PollerOffHostFixture
{
    /// <summary>The poller the host registered (the same singleton its background service would tick).</summary>
    public AcceptancePoller Poller => Host.Services.GetRequiredService<AcceptancePoller>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (Host.Services.GetRequiredService<IOptions<AcceptancePollingOptions>>().Value.Enabled)
        {
            throw new InvalidOperationException("The host's background acceptance poller is still enabled; manual ticks would race it.");
        }
    }

    /// <summary>One tick of the host's poller over the host's Durable client.</summary>
    public Task<PollReport> TickAsync() => TickAsync(Poller);

    public async Task<PollReport> TickAsync(AcceptancePoller poller)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await poller.PollAsync(Client, timeout.Token);
    }

    /// <summary>
    /// The same poller over the host's own accounts and HTTP client, signing with the emulator's clock: after
    /// <see cref="TencentVpcEmulatorServer.AdvanceClock"/> the emulator refuses signatures made with the real time.
    /// </summary>
    public AcceptancePoller PollerOnEmulatorClock()
    {
        var clients = ActivatorUtilities.CreateInstance<TencentClientFactory>(Host.Services, new EmulatorClock(Emulator));
        return ActivatorUtilities.CreateInstance<AcceptancePoller>(Host.Services, clients);
    }

    private sealed class EmulatorClock(TencentVpcEmulatorServer emulator) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => emulator.Now;
    }
}
