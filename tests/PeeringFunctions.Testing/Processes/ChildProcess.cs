using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace PeeringFunctions.Testing.Processes;

/// <summary>
/// A process this test started, with its output captured line by line. <see cref="Kill"/> sends SIGKILL to that PID
/// only — never by name, never a process this test did not start.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();
    private readonly object gate = new();

    private ChildProcess(Process process, string name)
    {
        this.process = process;
        Name = name;
    }

    public string Name { get; }

    public int Pid => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>Everything written to stdout and stderr so far, in arrival order.</summary>
    public IReadOnlyList<string> Output => [.. lines];

    public static ChildProcess Start(string name, string fileName, IEnumerable<string> arguments, IDictionary<string, string?>? environment = null, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // The child must not inherit this test host's own settings (e.g. a DOTNET_ environment for the test runner's port).
        info.Environment.Remove("ASPNETCORE_URLS");
        info.Environment.Remove("DOTNET_URLS");
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(process, name);
        process.OutputDataReceived += (_, e) => child.Add(e.Data);
        process.ErrorDataReceived += (_, e) => child.Add(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"{name} did not start.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits for an output line matching <paramref name="pattern"/>; returns its match. Fails with the output so far.</summary>
    public async Task<Match> WaitForLineAsync(Regex pattern, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var exitSeen = false;
        while (true)
        {
            foreach (var line in lines)
            {
                var match = pattern.Match(line);
                if (match.Success)
                {
                    return match;
                }
            }

            if (process.HasExited && !exitSeen)
            {
                // Look once more after the last lines had time to arrive.
                exitSeen = true;
                await Task.Delay(300);
                continue;
            }

            if (exitSeen)
            {
                throw new InvalidOperationException($"{Name} (PID {process.Id}) exited with {process.ExitCode} before printing /{pattern}/. Output:\n{Tail()}");
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"{Name} (PID {process.Id}) did not print /{pattern}/ within {timeout.TotalSeconds} s. Output:\n{Tail()}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>SIGKILL (Process.Kill on Unix) to this PID only, then waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (process.HasExited)
        {
            return;
        }

        process.Kill(entireProcessTree: false);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await process.WaitForExitAsync(timeout.Token);
    }

    public int? ExitCode => process.HasExited ? process.ExitCode : null;

    public string Tail(int count = 60) => string.Join('\n', lines.TakeLast(count));

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (InvalidOperationException)
        {
            // never started or already reaped
        }

        process.Dispose();
    }

    private void Add(string? line)
    {
        if (line is not null)
        {
            lock (gate)
            {
                lines.Enqueue(line);
            }
        }
    }
}
