using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PeeringFunctions.LocalHost.Durable;

/// <summary>
/// A complete Durable Task engine inside this process, no HTTP API needed: the <see cref="DurableSidecar"/> plus one
/// gRPC worker running the registered tasks and one gRPC client — the same worker and client packages the Functions
/// host uses, so orchestrators and activities run exactly as they will there.
/// </summary>
public sealed class InProcessDurableEngine : IAsyncDisposable
{
    private readonly DurableSidecar sidecar;
    private readonly IHost workerHost;

    private InProcessDurableEngine(DurableSidecar sidecar, DurableBackendOptions backend, IHost workerHost)
    {
        this.sidecar = sidecar;
        this.workerHost = workerHost;
        Backend = backend;
        Client = workerHost.Services.GetRequiredService<DurableTaskClient>();
    }

    /// <summary>The sidecar's gRPC address; another client may connect to it with UseGrpc (one worker only).</summary>
    public Uri Address => sidecar.Address;

    /// <summary>Where orchestrations are kept: in memory (default) or Azure Storage.</summary>
    public DurableBackendOptions Backend { get; }

    /// <summary>Orchestration episodes and activities dispatched so far (in-memory backend only; null otherwise).</summary>
    public DurableWorkItemCounts? Dispatched => sidecar.Dispatched;

    /// <summary>The saved history of the next orchestration that completes and matches (in-memory backend; the benchmark's bare-engine baseline).</summary>
    public Task<IReadOnlyList<DurableTask.Core.History.HistoryEvent>> NextCompletedHistoryAsync(Func<string, bool> matches) =>
        sidecar.NextCompletedHistoryAsync(matches);

    /// <summary>Schedules, queries, raises events to and terminates orchestrations.</summary>
    public DurableTaskClient Client { get; }

    /// <summary>The worker's services: what the activities were built from.</summary>
    public IServiceProvider Services => workerHost.Services;

    public static async Task<InProcessDurableEngine> StartAsync(InProcessDurableEngineOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        // The backend decides the sidecar; everything after it is the same for both.
        var backend = options.Backend ?? DurableBackendOptions.InMemory;
        var sidecar = backend.Kind == DurableBackendKind.AzureStorage
            ? await AzureStorageBackend.StartSidecarAsync(options, backend, cancellationToken)
            : await DurableSidecar.StartAsync(options, cancellationToken);

        try
        {
            var address = sidecar.Address.ToString();
            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
            QuietLogging.Configure(builder.Logging, options.MinimumLogLevel, options.LoggingConfiguration);
            builder.Services.AddSingleton<IHostLifetime, NoConsoleLifetime>();
            builder.Services.AddDurableTaskWorker(worker =>
            {
                worker.UseGrpc(address);
                worker.AddTasks(options.RegisterTasks);
            });
            builder.Services.AddDurableTaskClient(client => client.UseGrpc(address));
            options.ConfigureServices?.Invoke(builder.Services);

            var host = builder.Build();
            try
            {
                await host.StartAsync(cancellationToken);
            }
            catch
            {
                host.Dispose();
                throw;
            }

            return new InProcessDurableEngine(sidecar, backend, host);
        }
        catch
        {
            await sidecar.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Worker first, so the sidecar is not left dispatching to a worker that is going away.
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await workerHost.StopAsync(timeout.Token);
        }
        finally
        {
            workerHost.Dispose();
            await sidecar.DisposeAsync();
        }
    }
}
