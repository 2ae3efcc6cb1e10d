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
/// hosted in its own Kestrel (HTTP/2 cleartext, loopback only) over the in-memory backend wrapped in
/// <see cref="ConcurrencyRaisingOrchestrationService"/>. Workers and clients reach it with UseGrpc(Address) — the same
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

    /// <summary>Starts the sidecar on <see cref="InProcessDurableEngineOptions.Port"/> with its concurrency and logging settings.</summary>
    public static async Task<DurableSidecar> StartAsync(InProcessDurableEngineOptions options, CancellationToken cancellationToken = default)
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
        builder.Services.AddSingleton(services => new ConcurrencyRaisingOrchestrationService(
            new InMemoryOrchestrationService(services.GetRequiredService<ILoggerFactory>()),
            options.MaxConcurrentOrchestrations,
            options.MaxConcurrentActivities));
        builder.Services.AddSingleton<IOrchestrationService>(s => s.GetRequiredService<ConcurrencyRaisingOrchestrationService>());
        builder.Services.AddSingleton<IOrchestrationServiceClient>(s => s.GetRequiredService<ConcurrencyRaisingOrchestrationService>());
        builder.Services.AddOptions<TaskHubGrpcServerOptions>();

        // One server instance for every call: it holds the worker's stream and the pending work items.
        builder.Services.AddSingleton<TaskHubGrpcServer>();

        var app = builder.Build();
        app.MapGrpcService<TaskHubGrpcServer>();

        // Created before start so its ApplicationStarted hook (which starts the dispatchers once a worker connects) is in place.
        _ = app.Services.GetRequiredService<TaskHubGrpcServer>();
        try
        {
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
