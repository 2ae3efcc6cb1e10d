using System.Reflection;

namespace PeeringFunctions.Tests.Support;

/// <summary>The Functions app's build output and the repository root, as the test project's build recorded them.</summary>
internal static class AppPaths
{
    public static string OutputDirectory { get; } = Metadata("PeeringFunctionsOutputDirectory");

    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    public static string InOutput(string fileName) => Path.Combine(OutputDirectory, fileName);

    private static string Metadata(string key) =>
        typeof(AppPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"Assembly metadata '{key}' is missing; see the EmbedPeeringFunctionsPaths target.");
}
