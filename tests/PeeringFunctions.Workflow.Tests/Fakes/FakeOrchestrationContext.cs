using System.Reflection;
using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using PeeringFunctions.Workflow.Contracts;
using PeeringFunctions.Workflow.Orchestrations;

namespace PeeringFunctions.Workflow.Tests.Fakes;

/// <summary>One CallActivityAsync the orchestrator made, in the order it made them.</summary>
/// <param name="Episode">The episode that scheduled it, when run with <see cref="FakeOrchestrationContext.RunInEpisodes{T}"/> (else 0).</param>
public sealed record ActivityCall(int Order, string Name, object? Input, TaskOptions? Options, int Episode = 0);

/// <summary>
/// A <see cref="TaskOrchestrationContext"/> for calling an orchestrator's RunAsync directly: a loose Moq mock whose
/// activities answer through per-name handlers (results cross a JSON boundary, as in Durable Task), whose decision
/// events come from a queue and whose timers the test fires. Everything the orchestrator does is recorded.
/// </summary>
public sealed class FakeOrchestrationContext
{
    public static readonly DateTime DefaultNow = new(2025, 3, 14, 9, 30, 0, DateTimeKind.Utc);

    /// <summary>Roughly the Functions worker's JSON settings (web defaults: camelCase, case-insensitive).</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly MethodInfo CompletedMethod =
        typeof(FakeOrchestrationContext).GetMethod(nameof(Completed), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly MethodInfo FaultedMethod =
        typeof(FakeOrchestrationContext).GetMethod(nameof(Faulted), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly MethodInfo DeferMethod =
        typeof(FakeOrchestrationContext).GetMethod(nameof(Defer), BindingFlags.NonPublic | BindingFlags.Instance)!;

    /// <summary>Timers this short are pauses between reads, not deadlines: they fire as soon as they are created.</summary>
    private static readonly TimeSpan ShortPause = TimeSpan.FromMinutes(1);

    private readonly object gate = new();
    private readonly Dictionary<string, Func<object?, object?>> handlers = new(StringComparer.Ordinal);
    private readonly List<(string Activity, Func<object?, bool> When, TaskFailureDetails Failure)> failures = [];
    private readonly List<ActivityCall> calls = [];
    private readonly List<object?> statuses = [];
    private readonly Queue<AcceptanceDecision> decisions = new();
    private readonly List<TaskCompletionSource<AcceptanceDecision>> pendingWaits = [];
    private readonly List<string> waitedEvents = [];
    private readonly List<FakeTimer> timers = [];
    private readonly List<Action> deferred = [];
    private AcceptanceDecision? repeatedDecision;
    private int? episode;
    private bool deadlinePassed;
    private int taskIds;

    public FakeOrchestrationContext(DateTime? now = null, string instanceId = "peering-alpha-beta-0001")
    {
        Now = now ?? DefaultNow;
        InstanceId = instanceId;
        Mock = new Mock<TaskOrchestrationContext>(MockBehavior.Loose);
        Mock.SetupGet(c => c.CurrentUtcDateTime).Returns(() => Now);
        Mock.SetupGet(c => c.InstanceId).Returns(instanceId);
        Mock.SetupGet(c => c.IsReplaying).Returns(false);
        Mock.SetupGet(c => c.Version).Returns(() => Version);
        Mock.Setup(c => c.CompareVersionTo(It.IsAny<string>())).Returns<string>(other => CompareVersions(Version, other));
        Mock.Setup(c => c.CreateReplaySafeLogger(It.IsAny<string>())).Returns(NullLogger.Instance);
        Mock.Setup(c => c.SetCustomStatus(It.IsAny<object?>())).Callback<object?>(RecordStatus);
        Mock.Setup(c => c.CallActivityAsync<It.IsAnyType>(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns(new InvocationFunc(CallActivity));
        Mock.Setup(c => c.WaitForExternalEvent<AcceptanceDecision>(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns<string, CancellationToken>(WaitForDecision);
        Mock.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Returns<DateTime, CancellationToken>(CreateTimer);
    }

    public Mock<TaskOrchestrationContext> Mock { get; }

    public TaskOrchestrationContext Object => Mock.Object;

    public DateTime Now { get; set; }

    /// <summary>The version the run was started with: new runs get the orchestrator's current one; "" is a run from before versions.</summary>
    public string Version { get; set; } = PeeringOrchestrator.CurrentVersion;

    public string InstanceId { get; }

    public IReadOnlyList<ActivityCall> Calls
    {
        get { lock (gate) { return [.. calls]; } }
    }

    public IReadOnlyList<string> Names => [.. Calls.Select(c => c.Name)];

    public IReadOnlyList<object?> Statuses
    {
        get { lock (gate) { return [.. statuses]; } }
    }

    /// <summary>Every custom status, as the PeeringOrchestrator reports it.</summary>
    public IReadOnlyList<PeeringProgress> Progress => [.. Statuses.OfType<PeeringProgress>()];

    /// <summary>Each status's Step, with consecutive repeats collapsed: the path the run took.</summary>
    public IReadOnlyList<string> Steps
    {
        get
        {
            var steps = Progress.Select(p => p.Step).ToList();
            return [.. steps.Where((step, i) => i == 0 || steps[i - 1] != step)];
        }
    }

    public IReadOnlyList<FakeTimer> Timers
    {
        get { lock (gate) { return [.. timers]; } }
    }

    public FakeTimer Timer => Assert.Single(Timers);

    /// <summary>The names of the events the orchestrator waited for, one per WaitForExternalEvent call.</summary>
    public IReadOnlyList<string> WaitedEvents
    {
        get { lock (gate) { return [.. waitedEvents]; } }
    }

    public IEnumerable<T> InputsOf<T>(string activity) => Calls.Where(c => c.Name == activity).Select(c => (T)c.Input!);

    /// <summary>The calls made after the first call to <paramref name="activity"/> (exclusive).</summary>
    public IReadOnlyList<ActivityCall> CallsAfterFirst(string activity) =>
        [.. Calls.SkipWhile(c => c.Name != activity).Skip(1)];

    /// <summary>Answers <paramref name="activity"/> with <paramref name="handler"/> (replaces any earlier handler).</summary>
    public FakeOrchestrationContext OnActivity<TInput, TOutput>(string activity, Func<TInput, TOutput> handler)
    {
        lock (gate)
        {
            handlers[activity] = input => handler((TInput)input!);
        }

        return this;
    }

    /// <summary>
    /// Makes <paramref name="activity"/> fail (when <paramref name="when"/> holds for its input) as Durable Task reports
    /// an activity failure once its retries are spent: a TaskFailedException with the exception's type name and message.
    /// </summary>
    public FakeOrchestrationContext Fails<TInput>(string activity, string message, bool transient = false, Func<TInput, bool>? when = null)
    {
        var failure = ActivityFailures.Details(message, transient);
        lock (gate)
        {
            failures.Add((activity, input => when is null || when((TInput)input!), failure));
        }

        return this;
    }

    /// <summary>Raises decision events: they go to a pending wait, or are queued for the next waits.</summary>
    public FakeOrchestrationContext Decide(params AcceptanceDecision[] raised)
    {
        foreach (var decision in raised)
        {
            TaskCompletionSource<AcceptanceDecision>? waiter = null;
            lock (gate)
            {
                if (pendingWaits.Count > 0)
                {
                    waiter = pendingWaits[0];
                    pendingWaits.RemoveAt(0);
                }
                else
                {
                    decisions.Enqueue(decision);
                }
            }

            waiter?.SetResult(decision);
        }

        return this;
    }

    /// <summary>Once the queue is empty, every further wait gets this same decision again (an endless redelivery).</summary>
    public FakeOrchestrationContext RepeatForever(AcceptanceDecision decision)
    {
        lock (gate)
        {
            repeatedDecision = decision;
        }

        return this;
    }

    /// <summary>The acceptance deadline has passed: timers created from now on complete at once, pending ones fire.</summary>
    public FakeOrchestrationContext DeadlinePasses()
    {
        FakeTimer[] pending;
        lock (gate)
        {
            deadlinePassed = true;
            pending = [.. timers];
        }

        foreach (var timer in pending)
        {
            timer.Fire();
        }

        return this;
    }

    /// <summary>Durable's rule: no version is older than any version; then as System.Version compares them, else as text.</summary>
    private static int CompareVersions(string version, string other) =>
        string.IsNullOrEmpty(version) || string.IsNullOrEmpty(other)
            ? -string.IsNullOrEmpty(version).CompareTo(string.IsNullOrEmpty(other))
            : System.Version.TryParse(version, out var mine) && System.Version.TryParse(other, out var theirs)
                ? mine.CompareTo(theirs)
                : string.Compare(version, other, StringComparison.OrdinalIgnoreCase);

    public Task<PeeringOutcome> StartPeering(PeeringRequest request) => new PeeringOrchestrator().RunAsync(Object, request);

    /// <summary>Runs the orchestrator to its end (bounded, so a run that waits forever fails the test instead of hanging).</summary>
    public Task<PeeringOutcome> RunPeeringAsync(PeeringRequest request) => StartPeering(request).WaitAsync(TimeSpan.FromSeconds(10));

    public Task<RepairOutcome> RunRepairAsync(RepairRequest request) =>
        new RepairOrchestrator().RunAsync(Object, request).WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>Every custom status a repair reported.</summary>
    public IReadOnlyList<RepairProgress> RepairProgress => [.. Statuses.OfType<RepairProgress>()];

    public Task<TeardownOutcome> RunTeardownAsync(TeardownRequest request) =>
        new TeardownOrchestrator().RunAsync(Object, request).WaitAsync(TimeSpan.FromSeconds(10));

    /// <summary>
    /// Runs an orchestrator the way Durable Task does: on one thread until it waits; then the activities that episode
    /// scheduled complete together, in the order they were scheduled, and the next episode begins. Each call records
    /// its episode, so a history shows what ran side by side and what waited for an earlier result. (Otherwise the
    /// fake completes every activity at once, and parallel and sequential code schedule in the same order.)
    /// </summary>
    public T RunInEpisodes<T>(Func<TaskOrchestrationContext, Task<T>> orchestrator)
    {
        var previous = SynchronizationContext.Current;
        var thread = new EpisodeThread();
        SynchronizationContext.SetSynchronizationContext(thread);
        try
        {
            lock (gate)
            {
                episode = 1;
            }

            var run = orchestrator(Object);
            while (true)
            {
                thread.RunUntilIdle();
                if (run.IsCompleted)
                {
                    return run.GetAwaiter().GetResult();
                }

                List<Action> due;
                lock (gate)
                {
                    due = [.. deferred];
                    deferred.Clear();
                    episode++;
                }

                if (due.Count == 0)
                {
                    throw new InvalidOperationException("The orchestrator waits for something this fake will not deliver.");
                }

                foreach (var complete in due)
                {
                    complete();
                }
            }
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
            lock (gate)
            {
                episode = null;
            }
        }
    }

    private void RecordStatus(object? status)
    {
        lock (gate)
        {
            statuses.Add(status);
        }
    }

    private object CallActivity(IInvocation invocation)
    {
        var resultType = invocation.Method.GetGenericArguments()[0];
        var name = ((TaskName)invocation.Arguments[0]!).Name;
        var input = invocation.Arguments[1];
        var options = (TaskOptions?)invocation.Arguments[2];

        var ready = Answer(resultType, name, input, options, out var inEpisodes);
        return inEpisodes ? DeferMethod.MakeGenericMethod(resultType).Invoke(this, [ready])! : ready;
    }

    private object Answer(Type resultType, string name, object? input, TaskOptions? options, out bool inEpisodes)
    {
        Func<object?, object?>? handler;
        TaskFailureDetails? failure;
        int taskId;
        lock (gate)
        {
            taskId = taskIds++;
            inEpisodes = episode is not null;
            calls.Add(new ActivityCall(calls.Count, name, input, options, episode ?? 0));
            failure = failures.FirstOrDefault(f => f.Activity == name && f.When(input)).Failure;
            handlers.TryGetValue(name, out handler);
        }

        if (failure is not null)
        {
            return Fault(resultType, new TaskFailedException(name, taskId, failure));
        }

        if (handler is null)
        {
            // Not a TaskFailedException: the orchestrator must not catch it, so the test fails and names the gap.
            return Fault(resultType, new InvalidOperationException($"The fake context has no handler for activity {name}."));
        }

        object? result;
        try
        {
            result = handler(input);
        }
        catch (TaskFailedException error)
        {
            return Fault(resultType, error);
        }

        // Inputs and outputs cross a serialization boundary in Durable Task; an output that does not survive
        // a JSON round trip as the type the orchestrator asked for would fail there too.
        var json = result is null ? "null" : JsonSerializer.Serialize(result, result.GetType(), Json);
        var value = JsonSerializer.Deserialize(json, resultType, Json);
        return CompletedMethod.MakeGenericMethod(resultType).Invoke(null, [value])!;
    }

    private static object Fault(Type resultType, Exception error) =>
        FaultedMethod.MakeGenericMethod(resultType).Invoke(null, [error])!;

    private static Task<T> Completed<T>(object? value) => Task.FromResult(value is null ? default! : (T)value);

    private static Task<T> Faulted<T>(Exception error) => Task.FromException<T>(error);

    /// <summary>The answer, held back until the episode that scheduled the call has ended.</summary>
    private Task<T> Defer<T>(Task<T> ready)
    {
        var later = new TaskCompletionSource<T>();
        lock (gate)
        {
            deferred.Add(() =>
            {
                if (ready.IsFaulted)
                {
                    later.SetException(ready.Exception!.InnerExceptions);
                }
                else
                {
                    later.SetResult(ready.Result);
                }
            });
        }

        return later.Task;
    }

    private Task<AcceptanceDecision> WaitForDecision(string name, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            waitedEvents.Add(name);
            if (name != EventNames.Decision)
            {
                return new TaskCompletionSource<AcceptanceDecision>().Task;
            }

            if (decisions.TryDequeue(out var queued))
            {
                return Task.FromResult(queued);
            }

            if (repeatedDecision is not null)
            {
                return Task.FromResult(repeatedDecision);
            }

            var waiter = new TaskCompletionSource<AcceptanceDecision>(TaskCreationOptions.RunContinuationsAsynchronously);
            pendingWaits.Add(waiter);
            return waiter.Task;
        }
    }

    private Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        FakeTimer timer;
        lock (gate)
        {
            timer = new FakeTimer(fireAt, cancellationToken);
            timers.Add(timer);
        }

        if (deadlinePassed)
        {
            timer.Fire();
        }
        else if (fireAt - Now <= ShortPause)
        {
            // A pause between reads (waiting for Tencent to activate a peering) passes at once: the clock moves on.
            Now = fireAt;
            timer.Fire();
        }

        return timer.Task;
    }
}

/// <summary>A durable timer the test fires; it records when it was due and whether the orchestrator cancelled it.</summary>
public sealed class FakeTimer
{
    private readonly TaskCompletionSource completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FakeTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        FireAt = fireAt;
        Token = cancellationToken;
        cancellationToken.Register(() =>
        {
            WasCancelled = true;
            completion.TrySetCanceled(cancellationToken);
        });
    }

    public DateTime FireAt { get; }

    public CancellationToken Token { get; }

    public bool WasCancelled { get; private set; }

    public bool Fired { get; private set; }

    public Task Task => completion.Task;

    public void Fire()
    {
        Fired = completion.TrySetResult();
    }
}

/// <summary>How activity failures reach an orchestrator: the exception's type name and message, nothing else.</summary>
public static class ActivityFailures
{
    public static readonly string PermanentType = typeof(global::PeeringFunctions.Workflow.Activities.TencentCallException).FullName!;

    public static readonly string TransientType = typeof(global::PeeringFunctions.Workflow.Activities.TransientTencentCallException).FullName!;

    public static TaskFailureDetails Details(string message, bool transient = false, TaskFailureDetails? inner = null) =>
        new(transient ? TransientType : PermanentType, message, "   at PeeringFunctions.Workflow.Activities (stack)", inner, null);

    public static TaskFailedException Exception(string activity, string message, bool transient = false) =>
        new(activity, 0, Details(message, transient));
}
