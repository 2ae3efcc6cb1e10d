using System.Reflection;

namespace PeeringFunctions.Testing.Processes;

/// <summary>Paths the build embedded into the kit assembly (see its csproj): never guessed from bin/ layouts.</summary>
public static class KitPaths
{
    public static string RepositoryRoot => Metadata("RepositoryRoot");

    /// <summary>PeeringFunctions.LocalHost.dll in its own build output (with its runtimeconfig and deps).</summary>
    public static string LocalHostAssembly => Metadata("LocalHostAssembly");

    /// <summary>TencentVpcEmulator.dll in its own build output.</summary>
    public static string EmulatorAssembly => Metadata("EmulatorAssembly");

    public static string AzuriteScript => Path.Combine(RepositoryRoot, "scripts", "azurite.sh");

    private static string Metadata(string key) =>
        typeof(KitPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"The test assembly has no '{key}' metadata; build it with its csproj (tests/PeeringFunctions.Testing).");
}
