using System.Text.Json.Nodes;

namespace PeeringFunctions.Tests.Support;

/// <summary>Runs <c>dotnet PeeringFunctions.dll --dump-metadata</c> against the built app, as an operator would.</summary>
internal static class MetadataDumpRunner
{
    public static async Task<JsonArray> RunAsync()
    {
        var exit = await AppProcess.RunAsync(["--dump-metadata"]);
        if (exit.Code != 0)
        {
            throw new InvalidOperationException($"--dump-metadata exited with {exit.Code}.\nstdout:\n{exit.Output}\nstderr:\n{exit.Error}");
        }

        return JsonNode.Parse(exit.Output)?.AsArray() ?? throw new InvalidOperationException("--dump-metadata printed no JSON array.");
    }
}
