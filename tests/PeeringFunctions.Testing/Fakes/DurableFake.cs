using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Moq;
using PeeringFunctions.Testing.Builders;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Testing.Fakes;

/// <summary>
/// A mocked <see cref="DurableTaskClient"/> over a store of instances that answers the way a Durable backend does:
/// lookups by id, GetAllInstancesAsync honouring its query (id prefix, runtime statuses, creation times, inputs and
/// outputs only when asked for, pages of the requested size), and purges by id. It records every query, every raised event and every start.
/// </summary>
public sealed class DurableFake
{
    /// <param name="behavior">
    /// Strict: a call the fake does not answer fails; see also <see cref="AssertOnlyCalled"/> for a test that must
    /// make no call but the ones it names.
    /// </param>
    public DurableFake(MockBehavior behavior = MockBehavior.Loose)
    {
        Mock = new Mock<DurableTaskClient>(behavior, "test");
        Mock.Setup(c => c.GetInstanceAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .Returns((string id, bool withInputs, CancellationToken _) => LookUpAsync(id, withInputs));
        Mock.Setup(c => c.GetInstancesAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .Returns((string id, bool withInputs, CancellationToken _) => LookUpAsync(id, withInputs));
        Mock.Setup(c => c.GetAllInstancesAsync(It.IsAny<OrchestrationQuery?>()))
            .Returns((OrchestrationQuery? query) =>
            {
                Queries.Enqueue(query);
                return Pageable.Create((string? continuation, int? pageSize, CancellationToken _) => Task.FromResult(PageOf(query, continuation, pageSize)));
            });
        Mock.Setup(c => c.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()))
            .Returns((string instanceId, string eventName, object? payload, CancellationToken _) =>
            {
                if (RefusedEvents.TryGetValue(instanceId, out var refusal))
                {
                    return Task.FromException(refusal);
                }

                Raised.Enqueue(new RaisedEvent(instanceId, eventName, payload));
                return Task.CompletedTask;
            });
        Mock.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .Returns((TaskName name, object? input, StartOrchestrationOptions? start, CancellationToken _) =>
            {
                var id = start?.InstanceId ?? Guid.NewGuid().ToString("N");
                Started.Enqueue(new StartedInstance(name.Name, id, input));
                if (input is PeeringRequest request)
                {
                    Instances[id] = PeeringInstances.Starting(request);
                }

                return Task.FromResult(id);
            });
        Mock.Setup(c => c.PurgeInstanceAsync(It.IsAny<string>(), It.IsAny<PurgeInstanceOptions?>(), It.IsAny<CancellationToken>()))
            .Returns((string instanceId, PurgeInstanceOptions? _, CancellationToken _) => Task.FromResult(Purge(instanceId)));
        Mock.Setup(c => c.PurgeInstanceAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((string instanceId, CancellationToken _) => Task.FromResult(Purge(instanceId)));
    }

    public Mock<DurableTaskClient> Mock { get; }

    /// <summary>Every instance id purged so far, in order (a purge removes the instance from <see cref="Instances"/>).</summary>
    public ConcurrentQueue<string> Purged { get; } = new();

    public DurableTaskClient Client => Mock.Object;

    public ConcurrentDictionary<string, OrchestrationMetadata> Instances { get; } = new(StringComparer.Ordinal);

    /// <summary>False: answer every query with every instance, as a backend that ignored the filters would.</summary>
    public bool HonourQueryFilters { get; set; } = true;

    public ConcurrentQueue<OrchestrationQuery?> Queries { get; } = new();

    public ConcurrentQueue<RaisedEvent> Raised { get; } = new();

    public ConcurrentQueue<StartedInstance> Started { get; } = new();

    /// <summary>Instances whose RaiseEventAsync fails with the given exception (say, one that ended since the query).</summary>
    public ConcurrentDictionary<string, Exception> RefusedEvents { get; } = new(StringComparer.Ordinal);

    /// <summary>When set, every lookup by id waits for it first (a slow Durable backend).</summary>
    public TaskCompletionSource? Gate { get; set; }

    public void Add(OrchestrationMetadata instance) => Instances[instance.InstanceId] = instance;

    public DurableFake With(OrchestrationMetadata instance)
    {
        Add(instance);
        return this;
    }

    /// <summary>The one event raised so far, which must be a decision.</summary>
    public AcceptanceDecision SingleDecision()
    {
        var raised = Assert.Single(Raised);
        Assert.Equal(EventNames.Decision, raised.EventName);
        return Assert.IsType<AcceptanceDecision>(raised.Payload);
    }

    /// <summary>Every decision raised so far, by instance, failing on any event that is not a decision.</summary>
    public IReadOnlyList<(string InstanceId, AcceptanceDecision Decision)> Decisions()
    {
        return [.. Raised.Select(e =>
        {
            Assert.Equal(EventNames.Decision, e.EventName);
            return (e.InstanceId, Assert.IsType<AcceptanceDecision>(e.Payload));
        })];
    }

    /// <summary>Forgets the events raised so far (between ticks).</summary>
    public void ClearRaised() => Raised.Clear();

    /// <summary>Fails when the client was called for anything but <paramref name="methods"/> (say, a poller that started or ended an instance).</summary>
    public void AssertOnlyCalled(params string[] methods) =>
        Assert.All(Mock.Invocations, call => Assert.Contains(call.Method.Name, methods));

    private PurgeResult Purge(string instanceId)
    {
        var removed = Instances.TryRemove(instanceId, out _);
        if (removed)
        {
            Purged.Enqueue(instanceId);
        }

        return new PurgeResult(removed ? 1 : 0);
    }

    private async Task<OrchestrationMetadata?> LookUpAsync(string id, bool withInputs)
    {
        if (Gate is { } gate)
        {
            await gate.Task;
        }

        return Instances.TryGetValue(id, out var instance) ? Shaped(instance, withInputs) : null;
    }

    private Page<OrchestrationMetadata> PageOf(OrchestrationQuery? query, string? continuation, int? pageSize)
    {
        var matching = Instances.Values
            .Where(i => !HonourQueryFilters || Matches(query, i))
            .OrderBy(i => i.InstanceId, StringComparer.Ordinal)
            .Select(i => HonourQueryFilters ? Shaped(i, query?.FetchInputsAndOutputs ?? false) : i)
            .ToList();
        var start = continuation is null ? 0 : int.Parse(continuation, CultureInfo.InvariantCulture);
        var size = pageSize ?? query?.PageSize ?? OrchestrationQuery.DefaultPageSize;
        var page = matching.Skip(start).Take(size).ToList();
        var next = start + size < matching.Count ? (start + size).ToString(CultureInfo.InvariantCulture) : null;
        return new Page<OrchestrationMetadata>(page, next);
    }

    private static bool Matches(OrchestrationQuery? query, OrchestrationMetadata instance) =>
        query is null
        || ((query.InstanceIdPrefix is null || instance.InstanceId.StartsWith(query.InstanceIdPrefix, StringComparison.Ordinal))
            && (query.Statuses is null || query.Statuses.Contains(instance.RuntimeStatus))
            && (query.CreatedFrom is null || instance.CreatedAt >= query.CreatedFrom)
            && (query.CreatedTo is null || instance.CreatedAt <= query.CreatedTo));

    /// <summary>As a backend returns it: input and output only when they were asked for (custom status always).</summary>
    private static OrchestrationMetadata Shaped(OrchestrationMetadata instance, bool withInputs) => withInputs
        ? instance
        : new OrchestrationMetadata(instance.Name, instance.InstanceId)
        {
            RuntimeStatus = instance.RuntimeStatus,
            CreatedAt = instance.CreatedAt,
            LastUpdatedAt = instance.LastUpdatedAt,
            SerializedCustomStatus = instance.SerializedCustomStatus,
            FailureDetails = instance.FailureDetails,
            DataConverter = instance.DataConverter,
        };
}

public sealed record RaisedEvent(string InstanceId, string EventName, object? Payload);

public sealed record StartedInstance(string Orchestrator, string InstanceId, object? Input);
