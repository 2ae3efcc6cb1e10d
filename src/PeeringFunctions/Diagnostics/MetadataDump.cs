using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;
using Microsoft.Extensions.DependencyInjection;

namespace PeeringFunctions.Diagnostics;

/// <summary>
/// <c>PeeringFunctions.dll --dump-metadata</c>: prints, as JSON, every function this worker would report to the
/// Functions host when it indexes the app, then exits. That is the build-time provider's functions (the [Function]
/// methods, also in functions.metadata) plus what the registered <see cref="IFunctionMetadataTransformer"/>s add; the
/// Durable extension's transformer adds the class-based orchestrators and activities registered with AddTasks.
/// It only builds the service provider: no Functions host, storage account or network is needed.
/// </summary>
public static class MetadataDump
{
    public const string Switch = "--dump-metadata";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static bool IsRequested(string[] args) => args.Contains(Switch, StringComparer.OrdinalIgnoreCase);

    public static async Task<int> WriteAsync(IServiceProvider services, TextWriter output)
    {
        var functions = await ReadAsync(services, AppContext.BaseDirectory);
        var json = new JsonArray(functions
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => (JsonNode)new JsonObject
            {
                ["name"] = f.Name,
                ["entryPoint"] = f.EntryPoint,
                ["scriptFile"] = f.ScriptFile,
                ["language"] = f.Language,
                ["bindings"] = new JsonArray((f.RawBindings ?? []).Select(b => JsonNode.Parse(b)).ToArray()),
            })
            .ToArray());
        await output.WriteLineAsync(json.ToJsonString(Indented));
        await output.FlushAsync();
        return 0;
    }

    /// <summary>
    /// What the worker answers to the host's metadata request: its <see cref="IFunctionMetadataManager"/> combines the
    /// registered <see cref="IFunctionMetadataProvider"/> (here the build-time GeneratedFunctionMetadataProvider) with
    /// every registered <see cref="IFunctionMetadataTransformer"/> (here the Durable extension's DurableMetadataTransformer).
    /// </summary>
    public static async Task<IReadOnlyList<IFunctionMetadata>> ReadAsync(IServiceProvider services, string directory) =>
        await services.GetRequiredService<IFunctionMetadataManager>().GetFunctionMetadataAsync(directory);
}
