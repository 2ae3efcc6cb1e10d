using System.Diagnostics;
using System.Globalization;
using System.Text;
using PeeringFunctions.Benchmarks;
using PeeringFunctions.Benchmarks.Reporting;
using PeeringFunctions.Benchmarks.Scenarios;

// dotnet run -c Release --project bench/PeeringFunctions.Benchmarks [-- --scenario 1,3] [--quick] [--latency-ms 200] [--markdown FILE]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine("""
        The speed-and-scale benchmark (docs/benchmark.md). Prints one table: figure, goal, met / MISSED.
          --scenario N[,N…]   run only these scenarios (1–8; 1 and 2 run together, so do 4 and 5). Default: all.
          --quick             smaller scale (200 peerings instead of 1,000) to try the program out; not the issue's figures.
          --latency-ms N      the injected latency L of every Tencent call (default 200).
          --markdown FILE     also write the table as Markdown to FILE.
        Each group of scenarios runs in its own process, so memory and timings do not leak between them.
        """);
    return 0;
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException error)
{
    Console.Error.WriteLine(error.Message);
    return 2;
}

if (options.Child is { } group)
{
    // A scenario group in this process: rows on stdout for the parent, progress on stderr.
    void Report(Row row) => Console.Out.WriteLine(row.ToLine());
    var log = Console.Error;
    await (group switch
    {
        "one" => OnePeering.RunAsync(options, Report, log),
        "many" => ManyPeerings.RunAsync(options, Report, log),
        "waiting" => WaitingPeerings.RunAsync(options, Report, log),
        "activation" => DelayedActivation.RunAsync(options, Report, log),
        "watcher" => WatcherTick.RunAsync(options, Report, log),
        "topology" => TopologyMesh.RunAsync(options, Report, log),
        _ => throw new ArgumentException($"unknown scenario group {group}"),
    });
    return 0;
}

var started = DateTimeOffset.UtcNow;
var loadBefore = Machine.LoadAverage();
var rows = new List<Row>();
var failures = new List<string>();
foreach (var (name, scenarios) in BenchOptions.Groups.Where(g => g.Scenarios.Any(options.Scenarios.Contains)))
{
    Console.Error.WriteLine($"scenario {string.Join(" and ", scenarios)} …");
    var clock = Stopwatch.StartNew();
    var (exitCode, groupRows) = await RunChildAsync(name, options);
    rows.AddRange(groupRows);
    Console.Error.WriteLine($"scenario {string.Join(" and ", scenarios)}: {clock.Elapsed.TotalSeconds:N0} s");
    if (exitCode != 0)
    {
        failures.Add($"scenario {string.Join(" and ", scenarios)} did not finish (exit code {exitCode}); its rows are missing or partial");
    }
}

var table = Table(rows, options, started, failures, loadBefore, Machine.LoadAverage());
Console.WriteLine(table);
if (options.MarkdownPath is { } path)
{
    await File.WriteAllTextAsync(path, table);
}

return failures.Count == 0 ? 0 : 1;

static async Task<(int ExitCode, List<Row> Rows)> RunChildAsync(string group, BenchOptions options)
{
    var self = Environment.ProcessPath!;
    var start = new ProcessStartInfo { FileName = self, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
    {
        start.ArgumentList.Add(typeof(BenchOptions).Assembly.Location);
    }

    foreach (var argument in options.ChildArguments(group))
    {
        start.ArgumentList.Add(argument);
    }

    // What `dotnet run` gives the local host (src/PeeringFunctions.LocalHost/Properties/launchSettings.json).
    start.Environment["DOTNET_GCgen0size"] = BenchOptions.LocalHostGen0Size;

    using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start the scenario process");
    var rows = new List<Row>();
    var stdout = Task.Run(async () =>
    {
        while (await child.StandardOutput.ReadLineAsync() is { } line)
        {
            if (Row.FromLine(line) is { } row)
            {
                rows.Add(row);
            }
            else
            {
                Console.Error.WriteLine("  " + line);
            }
        }
    });
    var stderr = Task.Run(async () =>
    {
        while (await child.StandardError.ReadLineAsync() is { } line)
        {
            Console.Error.WriteLine(line);
        }
    });
    await child.WaitForExitAsync();
    await Task.WhenAll(stdout, stderr);
    return (child.ExitCode, rows);
}

static string Table(List<Row> rows, BenchOptions options, DateTimeOffset started, List<string> failures, string loadBefore, string loadAfter)
{
    var text = new StringBuilder();
    text.AppendLine($"Run {started:yyyy-MM-dd HH:mm} UTC on {Machine.Describe()}; load average {loadBefore} before, {loadAfter} after.");
    text.AppendLine($"Every Tencent call goes to the emulator on 127.0.0.1 with L = {options.LatencyMs} ms injected and its rate limits on; client-side limits on (Tencent:RateLimits defaults).{(options.Quick ? " QUICK RUN: reduced scale, not the issue's figures." : "")}");
    text.AppendLine();
    text.AppendLine("| # | Figure | Measured | Goal (or note) | Result |");
    text.AppendLine("|---|---|---|---|---|");
    foreach (var row in rows)
    {
        text.AppendLine($"| {row.Scenario} | {Cell(row.Figure)} | {Cell(row.Measured)} | {Cell(row.Goal)} | {row.VerdictText} |");
    }

    var missed = rows.Where(r => r.Verdict == Verdict.Missed).ToList();
    text.AppendLine();
    text.AppendLine($"{rows.Count(r => r.Verdict == Verdict.Met)} goals met, {missed.Count} MISSED.");
    foreach (var row in missed)
    {
        var why = string.IsNullOrEmpty(row.Why) ? "" : char.ToUpperInvariant(row.Why[0]) + row.Why[1..] + ".";
        text.AppendLine($"- MISSED (scenario {row.Scenario}): {row.Figure} — measured {row.Measured}, goal {row.Goal}. {why}");
    }

    foreach (var failure in failures)
    {
        text.AppendLine($"- NOT RUN: {failure}");
    }

    return text.ToString();
}

static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
