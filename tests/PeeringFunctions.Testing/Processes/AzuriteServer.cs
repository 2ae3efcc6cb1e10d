using System.Diagnostics;
using System.Text.RegularExpressions;

namespace PeeringFunctions.Testing.Processes;

/// <summary>
/// Azurite from npm, installed and started by the project's own scripts/azurite.sh (install, then run in the
/// foreground on free loopback ports with a fresh --location), stopped by its PID.
/// </summary>
public sealed partial class AzuriteServer : IAsyncDisposable
{
    /// <summary>Azurite's well-known development account (public, documented by Microsoft; not a secret).</summary>
    private const string DevAccount = "devstoreaccount1";
    private const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly ChildProcess process;

    private AzuriteServer(ChildProcess process, string location, int blobPort, int queuePort, int tablePort)
    {
        this.process = process;
        Location = location;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    /// <summary>Azurite's data folder: everything the Durable backend persisted is under it.</summary>
    public string Location { get; }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public int Pid => process.Pid;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={DevAccount};AccountKey={DevKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{DevAccount};QueueEndpoint=http://127.0.0.1:{QueuePort}/{DevAccount};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{DevAccount};";

    /// <summary>Seconds the install step took (0 when tools/azurite was already installed).</summary>
    public double InstallSeconds { get; private set; }

    public static async Task<AzuriteServer> StartAsync()
    {
        var install = Stopwatch.StartNew();
        await using (var installer = ChildProcess.Start("azurite install", "bash", [KitPaths.AzuriteScript, "install"], workingDirectory: KitPaths.RepositoryRoot))
        {
            await installer.WaitForLineAsync(VersionLine(), TimeSpan.FromMinutes(9));
        }

        var location = Directory.CreateTempSubdirectory("peering-azurite-").FullName;
        var process = ChildProcess.Start("azurite", "bash", [KitPaths.AzuriteScript, "run", "--location", location, "--any-port"],
            workingDirectory: KitPaths.RepositoryRoot);
        try
        {
            int Port(string service) => int.Parse(process.WaitForLineAsync(
                new Regex($"Azurite {service} service is successfully listening at http://127\\.0\\.0\\.1:(\\d+)"), TimeSpan.FromSeconds(60))
                .GetAwaiter().GetResult().Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            await process.WaitForLineAsync(TableListening(), TimeSpan.FromSeconds(60));
            return new AzuriteServer(process, location, Port("Blob"), Port("Queue"), Port("Table")) { InstallSeconds = install.Elapsed.TotalSeconds };
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await process.DisposeAsync();
        try
        {
            Directory.Delete(Location, recursive: true);
        }
        catch (IOException)
        {
            // a file still being flushed; it is a temp folder
        }
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex VersionLine();

    [GeneratedRegex("Azurite Table service is successfully listening")]
    private static partial Regex TableListening();
}
