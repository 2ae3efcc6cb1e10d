using System.Collections.Concurrent;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PeeringFunctions.Benchmarks.Seeding;
using PeeringFunctions.LocalHost.Hosting;
using PeeringFunctions.Peerings;
using PeeringFunctions.TencentAccess.RateLimiting;
using PeeringFunctions.Workflow.Activities;
using PeeringFunctions.Workflow.Contracts;
using TencentVpcEmulator;

namespace PeeringFunctions.Benchmarks.Hosting;

/// <summary>
/// The local host exactly as `dotnet run --project src/PeeringFunctions.LocalHost` builds it (LocalPeeringHost with its
/// embedded emulator), started on a generated seed with the emulator's rate limits on. Its own acceptance poller is
/// switched off so that only what a scenario does reaches the emulator.
/// </summary>
public sealed class BenchHost : IAsyncDisposable
{
    private BenchHost(LocalPeeringHost host, ReceiverInbox inbox)
    {
        Host = host;
        Inbox = inbox;
    }

    public LocalPeeringHost Host { get; }

    /// <summary>Where the receivers' notifications arrive (the workflow's notifier in this host).</summary>
    public ReceiverInbox Inbox { get; }

    public TencentVpcEmulatorServer Emulator => Host.Emulator!;

    public DurableTaskClient Client => Host.Client;

    public PeeringOperations Operations => Host.Services.GetRequiredService<PeeringOperations>();

    /// <summary>The limiter the activities' clients go through (the Durable worker's container).</summary>
    public TencentRateLimiter ActivityLimits => Host.Engine.Services.GetRequiredService<TencentRateLimiter>();

    public static async Task<BenchHost> StartAsync(
        EmulatorSeed seed, IReadOnlyDictionary<string, string?>? settings = null, int? maxConcurrency = null, Action<Microsoft.DurableTask.DurableTaskRegistry>? extraTasks = null)
    {
        var configuration = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase) { ["AcceptancePoll:Enabled"] = "false" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var inbox = new ReceiverInbox();
        var options = new LocalHostOptions
        {
            ConfigureWorkflowServices = services =>
            {
                services.RemoveAll<IPeeringNotifier>();
                services.AddSingleton<IPeeringNotifier>(inbox);
            },
            Urls = "http://127.0.0.1:0",
            Configuration = new ConfigurationBuilder().AddInMemoryCollection(configuration).Build(),
            Emulator = new EmulatorOptions { Seed = seed, EnforceRateLimits = true, RandomSeed = 20261125 },
            RegisterExtraTasks = extraTasks,
        };
        if (maxConcurrency is { } concurrency)
        {
            options.MaxConcurrentActivities = concurrency;
            options.MaxConcurrentOrchestrations = concurrency;
        }

        return new BenchHost(await LocalPeeringHost.StartAsync(options), inbox);
    }

    /// <summary>The approver key the local host gives an emulator account (what POST /accept wants as a bearer token).</summary>
    public static string ApproverKeyOf(string account) => TencentSettings.DemoApproverKey(account);

    /// <summary>Requests every planned peering as POST /api/peerings does (32 at a time); returns their instance ids.</summary>
    public async Task<IReadOnlyCollection<string>> StartAllAsync(IEnumerable<PlannedPeering> peerings)
    {
        var ids = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(peerings, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (peering, ct) =>
            ids.Add((await Operations.StartAsync(Client, peering.Request, ct)).InstanceId));
        return ids;
    }

    /// <summary>Every peering instance, with custom status and output.</summary>
    public async Task<List<OrchestrationMetadata>> InstancesAsync(bool runningOnly, CancellationToken cancellationToken)
    {
        var all = new List<OrchestrationMetadata>();
        var query = new OrchestrationQuery
        {
            InstanceIdPrefix = PeeringInstanceIds.Prefix,
            FetchInputsAndOutputs = true,
            PageSize = 1000,
            Statuses = runningOnly ? [OrchestrationRuntimeStatus.Running] : null,
        };
        await foreach (var instance in Client.GetAllInstancesAsync(query).WithCancellation(cancellationToken))
        {
            all.Add(instance);
        }

        return all;
    }

    public static bool IsWaiting(OrchestrationMetadata instance) =>
        instance.IsRunning && instance.ReadCustomStatusAs<PeeringProgress>()?.Step == PeeringSteps.WaitingForAcceptance;

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}
