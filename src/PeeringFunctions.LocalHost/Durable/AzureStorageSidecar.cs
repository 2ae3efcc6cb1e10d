using System.Net;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PeeringFunctions.LocalHost.Durable;

/// <summary>
/// The persistent twin of <see cref="DurableSidecar"/>: the same public <see cref="TaskHubGrpcServer"/>, over the
/// Durable Task Framework's <see cref="AzureStorageOrchestrationService"/> (Azurite locally) instead of the in-memory
/// backend. History, instances and pending messages live in storage, so a host killed at any point picks its
/// orchestrations up again when it restarts on the same task hub.
/// </summary>
/// <remarks>
/// The backend implements every interface the sidecar casts its client to (query, purge), so no wrapper is needed;
/// its concurrency limits come from its own settings. Creating the task hub's queues, tables and containers is
/// idempotent and happens before the server starts.
/// </remarks>
public sealed class AzureStorageSidecar : IAsyncDisposable
{
    private readonly WebApplication app;

    private AzureStorageSidecar(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    /// <summary>The gRPC address, e.g. http://127.0.0.1:40123.</summary>
    public Uri Address { get; }

    public static async Task<AzureStorageSidecar> StartAsync(
        InProcessDurableEngineOptions options, DurableBackendOptions backend, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(backend);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(AzureStorageSidecar).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, options.Port, listen => listen.Protocols = HttpProtocols.Http2));
        QuietLogging.Configure(builder.Logging, options.MinimumLogLevel, options.LoggingConfiguration);
        builder.Services.AddSingleton<IHostLifetime, NoConsoleLifetime>();

        builder.Services.AddGrpc();
        builder.Services.AddSingleton(services => new AzureStorageOrchestrationService(Settings(options, backend, services.GetRequiredService<ILoggerFactory>())));
        builder.Services.AddSingleton<IOrchestrationService>(s => s.GetRequiredService<AzureStorageOrchestrationService>());
        builder.Services.AddSingleton<IOrchestrationServiceClient>(s => s.GetRequiredService<AzureStorageOrchestrationService>());
        builder.Services.AddOptions<TaskHubGrpcServerOptions>();
        builder.Services.AddSingleton<TaskHubGrpcServer>();

        var app = builder.Build();
        app.MapGrpcService<TaskHubGrpcServer>();
        try
        {
            // Fails fast (and names the hub) when storage cannot be reached, instead of a worker that never gets work.
            await CreateTaskHubAsync(app.Services.GetRequiredService<AzureStorageOrchestrationService>(), backend, cancellationToken);
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
        return new AzureStorageSidecar(app, new Uri(bound));
    }

    public async ValueTask DisposeAsync()
    {
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

    private static AzureStorageOrchestrationServiceSettings Settings(
        InProcessDurableEngineOptions options, DurableBackendOptions backend, ILoggerFactory loggerFactory) => new()
    {
        TaskHubName = backend.TaskHubName,
        StorageAccountClientProvider = new StorageAccountClientProvider(backend.StorageConnectionString),
        PartitionCount = backend.PartitionCount,
        MaxQueuePollingInterval = backend.PollingInterval,
        ControlQueueVisibilityTimeout = backend.VisibilityTimeout,
        WorkItemQueueVisibilityTimeout = backend.VisibilityTimeout,
        MaxConcurrentTaskOrchestrationWorkItems = Math.Max(1, options.MaxConcurrentOrchestrations),
        MaxConcurrentTaskActivityWorkItems = Math.Max(1, options.MaxConcurrentActivities),
        LoggerFactory = loggerFactory,
    };

    private static async Task CreateTaskHubAsync(AzureStorageOrchestrationService service, DurableBackendOptions backend, CancellationToken cancellationToken)
    {
        try
        {
            await service.CreateIfNotExistsAsync().WaitAsync(TimeSpan.FromSeconds(60), cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new Hosting.LocalHostConfigurationException(
                $"The Durable task hub '{backend.TaskHubName}' could not be created in Azure Storage ({error.GetType().Name}). " +
                "Is Azurite running (scripts/azurite.sh start) and Durable:StorageConnectionString right?");
        }
    }
}
