using Microsoft.DurableTask;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using PeeringFunctions.Workflow.Activities;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Orchestrations;

namespace PeeringFunctions.Workflow.Tests.Fakes;

/// <summary>One pair workflow the topology started: its request, id, version, and the outcome the test gives it.</summary>
public sealed record StartedPair(string InstanceId, PeeringRequest Request, string? Version, TaskCompletionSource<PeeringOutcome> Completion);

/// <summary>
/// A <see cref="TaskOrchestrationContext"/> for <see cref="TopologyOrchestrator"/>: notices answer true, decision events
/// come from a queue, the deadline timer fires when the test says, and each pair workflow (a sub-orchestration) runs
/// until the test ends it, so the test sees how many run at once.
/// </summary>
public sealed class FakeTopologyContext
{
    private readonly object gate = new();
    private readonly Queue<TopologyDecision> decisions = new();
    private readonly List<TaskCompletionSource<TopologyDecision>> waits = [];
    private readonly List<StartedPair> started = [];
    private readonly List<object?> statuses = [];
    private readonly List<TopologyConsentNotice> notices = [];
    private readonly List<FakeTimer> timers = [];
    private readonly List<string> schedule = [];

    public FakeTopologyContext(string instanceId = "topology-core")
    {
        var mock = new Mock<TaskOrchestrationContext>(MockBehavior.Loose);
        mock.SetupGet(c => c.CurrentUtcDateTime).Returns(FakeOrchestrationContext.DefaultNow);
        mock.SetupGet(c => c.InstanceId).Returns(instanceId);
        mock.SetupGet(c => c.Version).Returns(TopologyOrchestrator.CurrentVersion);
        mock.Setup(c => c.CreateReplaySafeLogger(It.IsAny<string>())).Returns(NullLogger.Instance);
        mock.Setup(c => c.SetCustomStatus(It.IsAny<object?>())).Callback<object?>(s => { lock (gate) { statuses.Add(s); } });
        mock.Setup(c => c.CallActivityAsync<bool>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns<TaskName, object?, TaskOptions?>((name, input, options) =>
            {
                lock (gate)
                {
                    notices.Add(Assert.IsType<TopologyConsentNotice>(input));
                    schedule.Add($"{name.Name} {Json(input)}{(options is null ? "" : " +options")}");
                }

                Assert.Equal(nameof(NotifyTopologyConsentActivity), name.Name);
                return Task.FromResult(true);
            });
        mock.Setup(c => c.WaitForExternalEvent<TopologyDecision>(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns<string, CancellationToken>((name, _) =>
            {
                Assert.Equal(TopologyEventNames.Decision, name);
                lock (gate)
                {
                    schedule.Add($"wait {name}");
                    if (decisions.TryDequeue(out var queued))
                    {
                        return Task.FromResult(queued);
                    }

                    var wait = new TaskCompletionSource<TopologyDecision>(TaskCreationOptions.RunContinuationsAsynchronously);
                    waits.Add(wait);
                    return wait.Task;
                }
            });
        mock.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Returns<DateTime, CancellationToken>((at, token) =>
            {
                var timer = new FakeTimer(at, token);
                lock (gate)
                {
                    timers.Add(timer);
                    schedule.Add($"timer {at:O}");
                }

                return timer.Task;
            });
        mock.Setup(c => c.CallSubOrchestratorAsync<PeeringOutcome>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns<TaskName, object?, TaskOptions?>((name, input, options) =>
            {
                Assert.Equal(nameof(PeeringOrchestrator), name.Name);
                var sub = Assert.IsType<SubOrchestrationOptions>(options);
                var pair = new StartedPair(sub.InstanceId!, Assert.IsType<PeeringRequest>(input), sub.Version,
                    new TaskCompletionSource<PeeringOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
                lock (gate)
                {
                    started.Add(pair);
                    // The pair's workflow starts under the peering's current version, whichever that is (a test asserts it).
                    schedule.Add($"{name.Name} {pair.InstanceId} version {(pair.Version == PeeringOrchestrator.CurrentVersion ? "current" : pair.Version)} {Json(input)}");
                    MostRunningPerAccount = Math.Max(MostRunningPerAccount, RunningPerAccount().DefaultIfEmpty(0).Max());
                }

                return pair.Completion.Task;
            });
        Object = mock.Object;
    }

    public TaskOrchestrationContext Object { get; }

    /// <summary>The largest number of pair workflows involving one account that ran at once.</summary>
    public int MostRunningPerAccount { get; private set; }

    public IReadOnlyList<StartedPair> Started { get { lock (gate) { return [.. started]; } } }

    public IReadOnlyList<TopologyConsentNotice> Notices { get { lock (gate) { return [.. notices]; } } }

    public IReadOnlyList<TopologyProgress> Progress { get { lock (gate) { return [.. statuses.OfType<TopologyProgress>()]; } } }

    /// <summary>What the orchestrator scheduled, in order, one line each: notices, timers, waits and pair workflows (inputs as JSON).</summary>
    public IReadOnlyList<string> Schedule { get { lock (gate) { return [.. schedule]; } } }

    public FakeTimer Deadline { get { lock (gate) { return Assert.Single(timers); } } }

    public Task<TopologyOutcome> Start(TopologyStart start) => new TopologyOrchestrator().RunAsync(Object, start);

    /// <summary>Raises decisions: to a waiting orchestrator, or queued for its next waits.</summary>
    public FakeTopologyContext Decide(params TopologyDecision[] raised)
    {
        foreach (var decision in raised)
        {
            TaskCompletionSource<TopologyDecision>? wait = null;
            lock (gate)
            {
                if (waits.Count > 0)
                {
                    wait = waits[0];
                    waits.RemoveAt(0);
                }
                else
                {
                    decisions.Enqueue(decision);
                }
            }

            wait?.SetResult(decision);
        }

        return this;
    }

    /// <summary>Ends every pair workflow as <paramref name="outcomeOf"/> says, oldest first, until the topology ends.</summary>
    public async Task<TopologyOutcome> RunPairsAsync(Task<TopologyOutcome> run, Func<StartedPair, PeeringOutcome> outcomeOf)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!run.IsCompleted && DateTime.UtcNow < until)
        {
            StartedPair? next;
            lock (gate)
            {
                next = started.FirstOrDefault(p => !p.Completion.Task.IsCompleted);
            }

            if (next is not null)
            {
                next.Completion.SetResult(outcomeOf(next));
            }

            await Task.Delay(5);
        }

        return await run.WaitAsync(TimeSpan.FromSeconds(1));
    }

    public static PeeringOutcome Active(StartedPair pair) => new(PeeringStatus.Active, "pcx-" + pair.InstanceId[^8..], "ACTIVE", [],
        new SideOutcome(pair.Request.Initiator.Account, pair.Request.Initiator.Region, pair.Request.Initiator.VpcId, null, [], [], []), null, []);

    private static string Json(object? value) => System.Text.Json.JsonSerializer.Serialize(value, value?.GetType() ?? typeof(object), JsonOptions);

    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new(System.Text.Json.JsonSerializerDefaults.Web);

    private IEnumerable<int> RunningPerAccount() =>
        started.Where(p => !p.Completion.Task.IsCompleted)
            .SelectMany(p => new[] { p.Request.Initiator.Account!, p.Request.Receiver.Account! }.Distinct())
            .GroupBy(a => a).Select(g => g.Count());
}
