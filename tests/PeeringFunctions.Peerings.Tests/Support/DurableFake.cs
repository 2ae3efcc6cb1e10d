using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Moq;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.Peerings.Tests.Support;

/// <summary>
/// A mocked <see cref="DurableTaskClient"/>: a store of instances that answers GetAllInstancesAsync the way a Durable
/// backend does (id prefix, runtime statuses, pages of the requested size), and records every raised event.
/// </summary>
internal sealed class DurableFake
{
    private readonly ConcurrentDictionary<string, OrchestrationMetadata> instances = new(StringComparer.Ordinal);

    public DurableFake()
    {
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
    }

    public Mock<DurableTaskClient> Mock { get; } = new(MockBehavior.Strict, "poller-tests");

    public DurableTaskClient Client => Mock.Object;

    /// <summary>False: answer every query with every instance, as a backend that ignored the filters would.</summary>
    public bool HonourQueryFilters { get; set; } = true;

    public ConcurrentQueue<OrchestrationQuery?> Queries { get; } = new();

    public ConcurrentQueue<RaisedEvent> Raised { get; } = new();

    /// <summary>Instances whose RaiseEventAsync fails with the given exception (say, one that ended since the query).</summary>
    public ConcurrentDictionary<string, Exception> RefusedEvents { get; } = new(StringComparer.Ordinal);

    public void Add(OrchestrationMetadata instance) => instances[instance.InstanceId] = instance;

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

    private Page<OrchestrationMetadata> PageOf(OrchestrationQuery? query, string? continuation, int? pageSize)
    {
        var matching = instances.Values
            .Where(i => !HonourQueryFilters || Matches(query, i))
            .OrderBy(i => i.InstanceId, StringComparer.Ordinal)
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
            && (query.Statuses is null || query.Statuses.Contains(instance.RuntimeStatus)));
}

internal sealed record RaisedEvent(string InstanceId, string EventName, object? Payload);
