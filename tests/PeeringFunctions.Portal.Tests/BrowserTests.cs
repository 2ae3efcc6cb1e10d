using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace PeeringFunctions.Portal.Tests;

/// <summary>
/// Runs tests/browser/portal.mjs — headless Chromium driven by Playwright against the local host and its emulator —
/// so `dotnet test` covers the pages in a real browser. It fails, saying what to install, when Chromium, Node.js or
/// the browser test's node_modules are missing: a skipped browser test would hide a broken page.
/// </summary>
public sealed class BrowserTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task A_receiver_opens_the_link_sees_the_cidrs_accepts_and_watches_it_reach_active_and_a_tampered_link_is_refused_and_a_topology_page_turns_active_live()
    {
        var repo = RepositoryRoot();
        var chromium = Environment.GetEnvironmentVariable("PORTAL_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        Assert.True(File.Exists(chromium),
            $"Chromium is missing at {chromium}. Install Debian's: apt-get update && apt-get install -y chromium chromium-driver (scripts/test.sh does).");
        var node = FindOnPath("node");
        Assert.True(node is not null, "Node.js is missing: apt-get install -y nodejs npm (scripts/test.sh does).");
        var browserTests = Path.Combine(repo, "tests", "browser");
        Assert.True(File.Exists(Path.Combine(browserTests, "node_modules", "playwright-core", "package.json")),
            "tests/browser/node_modules is missing: run npm ci --prefix tests/browser (scripts/test.sh does).");
        var localHost = LocalHostDll(repo);
        Assert.True(File.Exists(localHost), $"The local host is not built at {localHost}.");

        var screenshots = Path.Combine(Path.GetTempPath(), "portal-browser-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(node!, [Path.Combine(browserTests, "portal.mjs")])
        {
            WorkingDirectory = repo,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PORTAL_LOCALHOST"] = localHost;
        start.Environment["PORTAL_CHROMIUM"] = chromium;
        start.Environment["PORTAL_SCREENSHOTS"] = screenshots;

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"The browser test did not finish within {Timeout.TotalMinutes} minutes:\n{output}");
        }

        process.WaitForExit(); // drains the output events
        try
        {
            Assert.True(process.ExitCode == 0, $"The browser test failed (exit {process.ExitCode}):\n{output}");
            foreach (var name in new[] { "approval.png", "status-active.png", "approval-refused.png", "portal-list.png", "status-waiting.png", "request-overlap.png", "topology-waiting.png", "topology-complete.png", "topology-approval.png" })
            {
                Assert.True(File.Exists(Path.Combine(screenshots, name)), $"The browser test took no screenshot {name}:\n{output}");
            }
        }
        finally
        {
            if (Directory.Exists(screenshots))
            {
                Directory.Delete(screenshots, recursive: true);
            }
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PeeringFunctions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No PeeringFunctions.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>The local host as its own project built it, in this test run's configuration and framework.</summary>
    private static string LocalHostDll(string repo)
    {
        var configuration = typeof(BrowserTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name;
        return Path.Combine(repo, "src", "PeeringFunctions.LocalHost", "bin", configuration, framework, "PeeringFunctions.LocalHost.dll");
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
