namespace PeeringFunctions.LocalHost.Hosting;

/// <summary>
/// The local host's "Telemetry" section: where its OpenTelemetry traces and metrics go. Off by default (the console is
/// the host's banner and logs); <c>Telemetry:Exporter=console</c> prints them, <c>otlp</c> sends them to an OTLP
/// collector (<c>Telemetry:OtlpEndpoint</c>, default the OTLP exporter's own, http://localhost:4317).
/// </summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    public const string None = "none";
    public const string Console = "console";
    public const string Otlp = "otlp";

    public string Exporter { get; set; } = None;

    public Uri? OtlpEndpoint { get; set; }

    /// <summary>The exporter named, lower-case, or a message naming the setting when it is none of the three.</summary>
    public static (string? Exporter, string? Problem) Read(TelemetryOptions options)
    {
        var exporter = (options.Exporter ?? None).Trim().ToLowerInvariant();
        if (exporter is not (None or Console or Otlp))
        {
            return (null, $"{SectionName}:Exporter must be '{None}', '{Console}' or '{Otlp}', not '{options.Exporter}'.");
        }

        return options.OtlpEndpoint is { IsAbsoluteUri: false }
            ? (null, $"{SectionName}:OtlpEndpoint must be an absolute URL, e.g. http://localhost:4317.")
            : (exporter, null);
    }
}
