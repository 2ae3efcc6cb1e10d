using System.Reflection;

namespace PeeringFunctions.Deployment.Tests.Support;

/// <summary>Paths the test project's build recorded (see the EmbedDeploymentTestPaths target), so no test guesses bin/ paths.</summary>
internal static class RepoPaths
{
    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    /// <summary>The Functions app's build output (functions.metadata, host.json).</summary>
    public static string AppOutputDirectory { get; } = Metadata("PeeringFunctionsOutputDirectory");

    /// <summary>The Bicep CLI binary restored from Azure.Bicep.CommandLine.linux-x64 ($(BicepPath)).</summary>
    public static string BicepPath { get; } = Metadata("BicepPath");

    public static string Infra => Path.Combine(RepositoryRoot, "infra");

    public static string InRepository(params string[] parts) => Path.Combine([RepositoryRoot, .. parts]);

    public static string InAppOutput(string fileName) => Path.Combine(AppOutputDirectory, fileName);

    private static string Metadata(string key) =>
        typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"Assembly metadata '{key}' is missing; see the EmbedDeploymentTestPaths target.");
}
