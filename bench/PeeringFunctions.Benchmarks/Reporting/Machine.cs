using System.Runtime;
using System.Runtime.InteropServices;

namespace PeeringFunctions.Benchmarks.Reporting;

/// <summary>What the figures were measured on.</summary>
public static class Machine
{
    public static string Describe()
    {
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return $"{Environment.ProcessorCount} cores ({Cpu()}), {memory:N1} GB RAM, {OperatingSystem()}, .NET {Environment.Version} " +
            $"({RuntimeInformation.RuntimeIdentifier}, {(GCSettings.IsServerGC ? "Server" : "Workstation")} GC, first generation {BenchOptions.LocalHostGen0Size} bytes as the local host's launch profile sets it)";
    }

    /// <summary>The 1-, 5- and 15-minute load averages (other processes compete for the same cores).</summary>
    public static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }

    /// <summary>
    /// Linux scheduler statistics of this process's threads (thread id → nanoseconds on a CPU, nanoseconds runnable
    /// but waiting for one). A large wait means other processes had the cores.
    /// </summary>
    public static IReadOnlyDictionary<string, (long OnCpu, long Waiting)> Scheduling()
    {
        var threads = new Dictionary<string, (long, long)>(StringComparer.Ordinal);
        try
        {
            foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
            {
                try
                {
                    var fields = File.ReadAllText(Path.Combine(task, "schedstat")).Split(' ');
                    threads[Path.GetFileName(task)] = (
                        long.Parse(fields[0], System.Globalization.CultureInfo.InvariantCulture),
                        long.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture));
                }
                catch (IOException)
                {
                    // the thread ended meanwhile
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return threads;
    }

    /// <summary>Run-queue time between two <see cref="Scheduling"/> snapshots, over the threads alive at the second.</summary>
    public static TimeSpan RunQueueWait(IReadOnlyDictionary<string, (long OnCpu, long Waiting)> before, IReadOnlyDictionary<string, (long OnCpu, long Waiting)> after) =>
        TimeSpan.FromTicks(after.Sum(t => t.Value.Waiting - (before.TryGetValue(t.Key, out var earlier) ? earlier.Waiting : 0)) / 100);

    private static string OperatingSystem()
    {
        try
        {
            var pretty = File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal));
            if (pretty is not null)
            {
                return pretty["PRETTY_NAME=".Length..].Trim('"') + $" (kernel {Environment.OSVersion.Version})";
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return RuntimeInformation.OSDescription;
    }

    private static string Cpu()
    {
        try
        {
            var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (model is not null)
            {
                return model[(model.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return RuntimeInformation.ProcessArchitecture.ToString();
    }
}
