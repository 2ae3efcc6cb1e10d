using PeeringFunctions.LocalHost.Durable;
using PeeringFunctions.LocalHost.Http;

namespace PeeringFunctions.LocalHost.Hosting;

/// <summary>The start-up summary: where the API is, which Tencent it talks to, which accounts — never a secret key.</summary>
public static class Banner
{
    public static void Write(TextWriter output, LocalPeeringHost host)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(host);
        var api = new Uri(host.BaseUrl, "api/");
        var tencent = host.Tencent;

        output.WriteLine("Peering local host");
        output.WriteLine($"  HTTP API   {api}peerings   (health: {api}health)");
        output.WriteLine($"  Durable    in-process engine, sidecar {host.Engine.Address}, {host.Engine.Backend.Describe()}");
        if (host.Engine.Backend.Kind == DurableBackendKind.InMemory)
        {
            output.WriteLine("  Record     in memory: a restart loses every running peering's record; Tencent keeps what was created " +
                "(pending requests, peerings, routes). For a record that survives: --durable-backend azurestorage");
        }

        output.WriteLine($"  Registry   {host.RegistryOptions.Describe()}");
        var drift = host.DriftCheck;
        output.WriteLine(drift.Enabled
            ? $"  Watcher    checks watched peerings for drift every {drift.Interval} (DriftCheck:Interval)"
            : "  Watcher    off (DriftCheck:Enabled=false)");
        var purge = host.Purge;
        output.WriteLine(purge.Enabled
            ? $"  Purge      history of instances finished over {purge.Retention.TotalDays:0.##} days ago, up to {purge.BatchSize} every {purge.Interval} (Purge:*)"
            : "  Purge      off (Purge:Enabled=false)");
        var stuck = host.StuckCheck;
        output.WriteLine(stuck.Enabled
            ? $"  Stuck      reports instances over their step's threshold, checked every {stuck.Interval} (StuckCheck:*)"
            : "  Stuck      off (StuckCheck:Enabled=false)");
        output.WriteLine(tencent.IsEmbeddedEmulator
            ? $"  Tencent    embedded VPC emulator at {tencent.ApiUrl} (seed: {SeedName(host)}; control API {tencent.ApiUrl}_emulator/state)"
            : $"  Tencent    {tencent.ApiUrl} (configured; the emulator is not started)");

        var label = "  Accounts   ";
        foreach (var account in tencent.Accounts)
        {
            var approver = account.DemoApproverKey is { } demoKey
                ? $"approver key \"{demoKey}\" (demo value)"
                : account.HasApproverKey ? "approver key configured" : "no approver key: cannot accept or reject over HTTP";
            output.WriteLine($"{label}{account.Alias,-8} uin {account.Uin,-14} {approver}");
            label = new string(' ', label.Length);
        }

        output.WriteLine(string.IsNullOrEmpty(host.Portal.FunctionKey)
            ? "  Portal     open (set Portal:FunctionKey to require x-functions-key or ?code= on the portal routes)"
            : $"  Portal     key required: {FunctionKeyFilter.HeaderName} header or ?{FunctionKeyFilter.QueryName}=");
    }

    private static string SeedName(LocalPeeringHost host) =>
        host.Emulator?.Options.SeedPath is { } path ? path : "demo (docs/demo-ids.md)";
}
