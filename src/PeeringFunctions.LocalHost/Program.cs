using Microsoft.Extensions.Configuration;
using PeeringFunctions.LocalHost.Demo;
using PeeringFunctions.LocalHost.Hosting;

// dotnet run --project src/PeeringFunctions.LocalHost [-- --urls http://127.0.0.1:7071] [--demo [--keep-running]]
var flags = new HashSet<string>(StringComparer.Ordinal) { "--demo", "--keep-running", "--help", "-h", LocalHostOptions.AllowInMemoryWithRealTencentFlag };
if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine("""
        Peering local host: the peering workflow and HTTP API on an in-process Durable engine.
          --urls URLS       where the HTTP API listens (default http://127.0.0.1:7071)
          --demo            run one full peering alpha -> beta through the API, print each step, exit 0 if verified
          --keep-running    with --demo: keep serving afterwards
          --durable-backend azurestorage
                            keep orchestrations in Azure Storage (Azurite: bash scripts/azurite.sh start) so they
                            survive a restart; default: in memory (refused against real Tencent, see below)
          --allow-in-memory-with-real-tencent
                            start in memory against real Tencent anyway: a restart then loses the record of every
                            running peering while Tencent keeps what was created
          --Telemetry:Exporter=console|otlp
                            print OpenTelemetry traces and metrics, or send them to Telemetry:OtlpEndpoint (default off)
        Without Tencent settings it embeds the VPC emulator with the demo seed (docs/demo-ids.md).
        Real Tencent: set Tencent:Endpoint (optional) and Tencent:Accounts:{alias}:{Uin,SecretId,SecretKey,ApproverKey}
        in user secrets or the environment (Tencent__Accounts__alpha__SecretKey=...). Portal:FunctionKey guards the portal routes.
        Only loopback host names are served (localhost, 127.0.0.1, [::1]); AllowedHosts=a;b widens the list.
        """);
    return 0;
}

var demo = args.Contains("--demo");
var keepRunning = args.Contains("--keep-running");

// The usual sources, later ones winning: appsettings.json, user secrets (always, not only in Development), environment, command line.
var configuration = new ConfigurationBuilder()
    .SetBasePath(AppContext.BaseDirectory)
    .AddJsonFile("appsettings.json", optional: true)
    .AddUserSecrets(typeof(LocalPeeringHost).Assembly, optional: true)
    .AddEnvironmentVariables()
    .AddCommandLine([.. args.Where(a => !flags.Contains(a))])
    .AddInMemoryCollection(args.Contains(LocalHostOptions.AllowInMemoryWithRealTencentFlag)
        ? [new(LocalHostOptions.AllowInMemoryWithRealTencentKey, "true")]
        : [])
    .Build();

LocalPeeringHost host;
try
{
    host = await LocalPeeringHost.StartAsync(new LocalHostOptions
    {
        Urls = configuration["urls"] ?? LocalHostOptions.DefaultUrls,
        Configuration = configuration,
        HandleConsoleSignals = true,
    });
}
catch (LocalHostConfigurationException error)
{
    Console.Error.WriteLine(error.Message);
    return 2;
}

await using (host)
{
    Banner.Write(Console.Out, host);
    var exitCode = 0;
    if (demo)
    {
        Console.WriteLine();
        try
        {
            exitCode = await new PeeringDemo(host, Console.Out).RunAsync(TimeSpan.FromMinutes(2), host.Stopping);
        }
        catch (OperationCanceledException) when (host.Stopping.IsCancellationRequested)
        {
            Console.WriteLine("Demo interrupted.");
            return 130;
        }

        if (!keepRunning)
        {
            return exitCode;
        }
    }

    Console.WriteLine("Press Ctrl+C to stop.");
    await host.WaitForShutdownAsync();
    return exitCode;
}
