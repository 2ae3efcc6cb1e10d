using System.Globalization;

namespace PeeringFunctions.Benchmarks;

/// <summary>The command line.</summary>
public sealed class BenchOptions
{
    /// <summary>The local host's first-generation GC budget (DOTNET_GCgen0size in its launch profile), given to each scenario process.</summary>
    public const string LocalHostGen0Size = "0x4000000";

    /// <summary>Scenario groups, each run in its own process.</summary>
    public static readonly IReadOnlyList<(string Name, int[] Scenarios)> Groups =
    [
        ("one", [1, 2]),
        ("many", [3]),
        ("waiting", [5, 4]),
        ("activation", [6]),
        ("watcher", [7]),
        ("topology", [8]),
    ];

    public HashSet<int> Scenarios { get; } = [];

    public bool Quick { get; private set; }

    public int LatencyMs { get; private set; } = 200;

    public string? MarkdownPath { get; private set; }

    /// <summary>Overrides the local host's MaxConcurrentOrchestrations/Activities (default: the host's own defaults).</summary>
    public int? MaxConcurrency { get; private set; }

    /// <summary>Set in a scenario process: the group it runs.</summary>
    public string? Child { get; private set; }

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--scenario":
                    foreach (var part in Value(args, ref i).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 8)
                        {
                            throw new ArgumentException($"--scenario takes numbers 1 to 8, not '{part}'.");
                        }

                        options.Scenarios.Add(number);
                    }

                    break;
                case "--quick":
                    options.Quick = true;
                    break;
                case "--latency-ms":
                    options.LatencyMs = int.TryParse(Value(args, ref i), NumberStyles.None, CultureInfo.InvariantCulture, out var latency) && latency <= 5000
                        ? latency
                        : throw new ArgumentException("--latency-ms takes a number of milliseconds (0–5000).");
                    break;
                case "--max-concurrency":
                    options.MaxConcurrency = int.TryParse(Value(args, ref i), NumberStyles.None, CultureInfo.InvariantCulture, out var concurrency) && concurrency > 0
                        ? concurrency
                        : throw new ArgumentException("--max-concurrency takes a positive number.");
                    break;
                case "--markdown":
                    options.MarkdownPath = Value(args, ref i);
                    break;
                case "--child":
                    options.Child = Value(args, ref i);
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{args[i]}' (see --help).");
            }
        }

        if (options.Scenarios.Count == 0)
        {
            options.Scenarios.UnionWith([1, 2, 3, 4, 5, 6, 7, 8]);
        }

        return options;
    }

    public IEnumerable<string> ChildArguments(string group)
    {
        yield return "--child";
        yield return group;
        yield return "--latency-ms";
        yield return LatencyMs.ToString(CultureInfo.InvariantCulture);
        if (Quick)
        {
            yield return "--quick";
        }

        if (MaxConcurrency is { } concurrency)
        {
            yield return "--max-concurrency";
            yield return concurrency.ToString(CultureInfo.InvariantCulture);
        }
    }

    private static string Value(IReadOnlyList<string> args, ref int i) =>
        i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
}
