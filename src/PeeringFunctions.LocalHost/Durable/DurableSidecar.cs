using System.Net;
using DurableTask.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PeeringFunctions.LocalHost.Durable;

/// <summary>
/// The Durable Task sidecar: the public <see cref="TaskHubGrpcServer"/> of Microsoft.DurableTask.InProcessTestHost,
/// hosted in its own Kestrel (HTTP/2 cleartext, loopback only) over a backend: the in-memory one wrapped in
/// <see cref="ConcurrencyLimitingOrchestrationService"/>, or Azure Storage (<see cref="AzureStorageBackend"/>). Workers and clients reach it with UseGrpc(Address) — the same
/// gRPC protocol the Functions host speaks to the isolated worker.
/// </summary>
/// <remarks>
/// Hosted here rather than through DurableTaskTestHost because that one cannot be given another backend or limit, and
/// crawls above two concurrent orchestrations on a 2-core machine. State lives in memory: it is lost when the process ends.
/// </remarks>
public sealed class DurableSidecar : IAsyncDisposable
{
    private readonly WebApplication app;

    private DurableSidecar(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    /// <summary>The gRPC address, e.g. http://127.0.0.1:40123 (the actual port when 0 was asked for).</summary>
    public Uri Address { get; }

    /// <summary>Work items dispatched so far, when the backend is the in-memory one (which counts them); else null.</summary>
    public DurableWorkItemCounts? Dispatched => app.Services.GetService<ConcurrencyLimitingOrchestrationService>()?.Dispatched;

    /// <summary>See <see cref="ConcurrencyLimitingOrchestrationService.NextCompletedHistoryAsync"/> (in memory only).</summary>
    public Task<IReadOnlyList<DurableTask.Core.History.HistoryEvent>> NextCompletedHistoryAsync(Func<string, bool> matches) =>
        (app.Services.GetService<ConcurrencyLimitingOrchestrationService>()
            ?? throw new NotSupportedException("Only the in-memory backend hands out histories.")).NextCompletedHistoryAsync(matches);

    /// <summary>Starts the sidecar over the in-memory backend, with the options' concurrency limits.</summary>
    public static Task<DurableSidecar> StartAsync(InProcessDurableEngineOptions options, CancellationToken cancellationToken = default) =>
        StartAsync(
            options,
            services => new ConcurrencyLimitingOrchestrationService(
                new InMemoryOrchestrationService(services.GetRequiredService<ILoggerFactory>()),
                options.MaxConcurrentOrchestrations,
                options.MaxConcurrentActivities,
                options.SiblingCompletionWindow),
            prepare: null,
            cancellationToken);

    /// <summary>
    /// Starts the sidecar on <see cref="InProcessDurableEngineOptions.Port"/> over the backend
    /// <paramref name="createBackend"/> builds; <paramref name="prepare"/> (e.g. creating a task hub) runs before it serves.
    /// </summary>
    public static async Task<DurableSidecar> StartAsync<TBackend>(
        InProcessDurableEngineOptions options,
        Func<IServiceProvider, TBackend> createBackend,
        Func<TBackend, CancellationToken, Task>? prepare,
        CancellationToken cancellationToken = default)
        where TBackend : class, IOrchestrationService, IOrchestrationServiceClient
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(DurableSidecar).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, options.Port, listen => listen.Protocols = HttpProtocols.Http2));
        QuietLogging.Configure(builder.Logging, options.MinimumLogLevel, options.LoggingConfiguration);
        builder.Services.AddSingleton<IHostLifetime, NoConsoleLifetime>();

        builder.Services.AddGrpc();
        builder.Services.AddSingleton(createBackend);
        builder.Services.AddSingleton<IOrchestrationService>(s => s.GetRequiredService<TBackend>());
        builder.Services.AddSingleton<IOrchestrationServiceClient>(s => s.GetRequiredService<TBackend>());
        builder.Services.AddOptions<TaskHubGrpcServerOptions>();

        // One server instance for every call: it holds the worker's stream and the pending work items.
        builder.Services.AddSingleton<TaskHubGrpcServer>();

        var app = builder.Build();
        app.MapGrpcService<TaskHubGrpcServer>();
        try
        {
            if (prepare is not null)
            {
                await prepare(app.Services.GetRequiredService<TBackend>(), cancellationToken);
            }

            // Created before start so its ApplicationStarted hook (which starts the dispatchers once a worker connects) is in place.
            _ = app.Services.GetRequiredService<TaskHubGrpcServer>();
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The Durable sidecar started but reports no address.");
        return new DurableSidecar(app, new Uri(bound));
    }

    public async ValueTask DisposeAsync()
    {
        // The server's own stop hook waits for in-flight work items in the background; the host need not.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await app.StopAsync(timeout.Token);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }
}
