using TencentVpcEmulator;

// Standalone entry point: dotnet run --project src/TencentVpcEmulator -- --urls http://127.0.0.1:8930 --seed FILE
var options = new EmulatorOptions { Urls = "http://127.0.0.1:8930" };
string? seedPath = null;
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
    switch (args[i])
    {
        case "--urls":
            options.Urls = Value();
            break;
        case "--seed":
            seedPath = Value();
            break;
        case "--pending-expiry-seconds":
            options.PendingExpiry = TimeSpan.FromSeconds(double.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture));
            break;
        case "--cross-region-activation-seconds":
            options.Activation.CrossRegionDelay = TimeSpan.FromSeconds(double.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture));
            break;
        case "--same-account-needs-acceptance":
            options.SameAccountPeeringNeedsAcceptance = true;
            break;
        case "--pending-shows-peer-vpc":
            options.PendingRequestHidesPeerVpc = false;
            break;
        case "--enforce-rate-limits":
            options.EnforceRateLimits = true;
            break;
        case "--max-peerings-per-vpc":
            options.MaxLivePeeringsPerVpc = int.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture);
            break;
        case "--max-routes-per-table":
            options.MaxRoutesPerRouteTable = int.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture);
            break;
        case "--random-seed":
            options.RandomSeed = int.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture);
            break;
        case "--verbose":
            options.MinimumLogLevel = Microsoft.Extensions.Logging.LogLevel.Information;
            break;
        case "-h" or "--help":
            Console.WriteLine("""
                Tencent Cloud VPC API 3.0 emulator (version 2017-03-12, service vpc)
                  --urls URLS                      loopback URL(s), default http://127.0.0.1:8930
                  --seed FILE                      seed JSON, default Seeds/demo.json (bundled)
                  --pending-expiry-seconds N       PENDING -> EXPIRED after N s (default 7 days)
                  --cross-region-activation-seconds N
                                                   accepted cross-region peerings turn ACTIVE after N s (default 2)
                  --same-account-needs-acceptance  same-account peerings wait in PENDING
                  --pending-shows-peer-vpc         describe a cross-account PENDING request with its peer VPC
                  --enforce-rate-limits            enforce per-action req/s limits
                  --max-peerings-per-vpc N         live peerings a VPC may have (default 10)
                  --max-routes-per-table N         route entries a route table holds (default 200)
                  --random-seed N                  reproducible fault injection and IDs
                  --verbose                        log requests
                Control API: GET /_emulator/state, GET|DELETE /_emulator/calls, PUT /_emulator/latency,
                  PUT|DELETE /_emulator/faults, PUT /_emulator/ratelimits, GET|PUT /_emulator/activation, POST /_emulator/clock, POST /_emulator/reset
                """);
            return 0;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'. Try --help.");
            return 2;
    }
}

try
{
    options.Validate();
}
catch (ArgumentOutOfRangeException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

try
{
    options.Seed = seedPath is null ? EmulatorSeed.Demo : EmulatorSeed.Load(seedPath);
}
catch (Exception ex) when (ex is SeedValidationException or IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"Cannot load seed: {ex.Message}");
    return 1;
}

await using var server = await TencentVpcEmulatorServer.StartAsync(options, handleConsoleSignals: true, CancellationToken.None);
var accounts = string.Join(", ", server.Accounts.Select(a => $"{a.Name} (uin {a.Uin}, secretId {a.SecretId})"));
Console.WriteLine($"Tencent VPC emulator listening on {server.BaseUrl} (seed: {seedPath ?? "bundled demo"}); accounts: {accounts}");
await server.WaitForShutdownAsync();
return 0;
