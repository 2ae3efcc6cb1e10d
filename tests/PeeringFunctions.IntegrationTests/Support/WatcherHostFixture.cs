using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PeeringFunctions.Peerings.Watching;
using PeeringFunctions.Workflow.Activities;

namespace PeeringFunctions.IntegrationTests.Support;

/// <summary>
/// A local host whose own drift-check timer is off ("DriftCheck:Enabled" = false), so a test ticks the watcher itself
/// — the host's own services (registry, batched reader, repairs), with a notifier that records each drift notice.
/// </summary>
public sealed class WatcherHostFixture : LocalHostFixture
{
    private DriftWatcher? watcher;

    /// <summary>Every drift notice the watcher sent, in order.</summary>
    public ConcurrentQueue<PeeringDriftNotice> Notices { get; } = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        if (Host.Services.GetRequiredService<IOptions<DriftCheckOptions>>().Value.Enabled)
        {
            throw new InvalidOperationException("The host's drift-check timer is still enabled; manual ticks would race it.");
        }

        watcher = ActivatorUtilities.CreateInstance<DriftWatcher>(Host.Services, new RecordingNotifier(Notices));
    }

    /// <summary>One tick of the watcher over the host's Durable client.</summary>
    public async Task<DriftCheckReport> TickAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await (watcher ?? throw new InvalidOperationException("The fixture has not started.")).CheckAsync(Client, timeout.Token);
    }

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("DriftCheck:Enabled", "false")];

    protected override void OnReset() => Notices.Clear();

    private sealed class RecordingNotifier(ConcurrentQueue<PeeringDriftNotice> notices) : IPeeringNotifier
    {
        public Task NotifyReceiverAsync(NotifyReceiverInput notice, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task NotifyDriftAsync(PeeringDriftNotice notice, CancellationToken cancellationToken)
        {
            notices.Enqueue(notice);
            return Task.CompletedTask;
        }
    }
}
