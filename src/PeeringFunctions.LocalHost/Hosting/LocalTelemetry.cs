using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using PeeringFunctions.Peerings;
using PeeringFunctions.Peerings.Telemetry;

namespace PeeringFunctions.LocalHost.Hosting;

/// <summary>
/// OpenTelemetry for the local host, in its web container: the HTTP requests it serves, and the app's own sources and
/// meters (every Tencent call, the rate limiter). One provider for the process is enough: listeners are process-wide,
/// so the Tencent calls made by activities in the Durable engine's container are seen too.
/// </summary>
internal static class LocalTelemetry
{
    /// <summary>service.name of everything the local host exports (what a collector or the Aspire dashboard lists it as).</summary>
    public const string ServiceName = "PeeringFunctions.LocalHost";

    /// <returns>Whether telemetry is on (an exporter configured, or a caller's own, e.g. a test's in-memory one).</returns>
    public static bool Add(IServiceCollection services, string exporter, Uri? otlpEndpoint, Action<IOpenTelemetryBuilder>? configure)
    {
        if (exporter == TelemetryOptions.None && configure is null)
        {
            return false;
        }

        var otel = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing
                .AddSource(TelemetryNames.Sources)
                // The app's routes only: the Durable sidecar's gRPC server is an ASP.NET Core app in this process too.
                .AddAspNetCoreInstrumentation(o => o.Filter = http => http.Request.Path.StartsWithSegments(HttpRoutes.Prefix, StringComparison.Ordinal)))
            .WithMetrics(metrics => metrics.AddMeter(TelemetryNames.Meters));
        if (exporter == TelemetryOptions.Console)
        {
            otel.WithTracing(tracing => tracing.AddConsoleExporter()).WithMetrics(metrics => metrics.AddConsoleExporter());
        }
        else if (exporter == TelemetryOptions.Otlp)
        {
            otel.WithTracing(tracing => tracing.AddOtlpExporter(o => o.Endpoint = otlpEndpoint ?? o.Endpoint))
                .WithMetrics(metrics => metrics.AddOtlpExporter(o => o.Endpoint = otlpEndpoint ?? o.Endpoint));
            AddLogExport(services, exporter, otlpEndpoint);
        }

        configure?.Invoke(otel);
        return true;
    }

    /// <summary>
    /// The log lines of one container, to the OTLP collector beside the traces (with the span they were written in), when
    /// the exporter is otlp. Each container of the host (the HTTP API's, the Durable worker's) has its own logging, so
    /// each calls this; the console exporter needs none, the console logger prints them already.
    /// </summary>
    public static void AddLogExport(IServiceCollection services, string exporter, Uri? otlpEndpoint)
    {
        if (exporter == TelemetryOptions.Otlp)
        {
            services.AddOpenTelemetry()
                .ConfigureResource(resource => resource.AddService(ServiceName))
                .WithLogging(logging => logging.AddOtlpExporter(o => o.Endpoint = otlpEndpoint ?? o.Endpoint));
        }
    }
}
