using System.Collections.Concurrent;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Moq;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.ChatOps.Tests.Support;

/// <summary>A mocked <see cref="DurableTaskClient"/> over a dictionary of instances, recording raised events and starts.</summary>
internal sealed class DurableFake
{
    public DurableFake()
    {
        Mock.Setup(c => c.GetInstanceAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .Returns((string id, bool _, CancellationToken _) => LookUpAsync(id));
        Mock.Setup(c => c.GetInstancesAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .Returns((string id, bool _, CancellationToken _) => LookUpAsync(id));
        Mock.Setup(c => c.GetAllInstancesAsync(It.IsAny<OrchestrationQuery?>()))
            .Returns((OrchestrationQuery? _) => Pageable.Create((string? _, CancellationToken _) =>
                Task.FromResult(new Page<OrchestrationMetadata>(Instances.Values.ToList(), null))));
        Mock.Setup(c => c.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()))
            .Returns((string id, string name, object? payload, CancellationToken _) =>
            {
                Raised.Enqueue((id, name, payload));
                return Task.CompletedTask;
            });
        Mock.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .Returns((TaskName name, object? input, StartOrchestrationOptions? start, CancellationToken _) =>
            {
                var id = start?.InstanceId ?? Guid.NewGuid().ToString("N");
                Started.Enqueue((name.Name, id, input));
                if (input is PeeringRequest request)
                {
                    Instances[id] = PeeringInstances.Starting(request);
                }

                return Task.FromResult(id);
            });
    }

    public Mock<DurableTaskClient> Mock { get; } = new(MockBehavior.Loose, "test");

    public DurableTaskClient Client => Mock.Object;

    public ConcurrentDictionary<string, OrchestrationMetadata> Instances { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<(string InstanceId, string EventName, object? Payload)> Raised { get; } = new();

    public ConcurrentQueue<(string Orchestrator, string InstanceId, object? Input)> Started { get; } = new();

    /// <summary>When set, every lookup waits for it first (a slow Durable backend).</summary>
    public TaskCompletionSource? Gate { get; set; }

    public AcceptanceDecision SingleDecision()
    {
        var raised = Assert.Single(Raised);
        Assert.Equal(EventNames.Decision, raised.EventName);
        return Assert.IsType<AcceptanceDecision>(raised.Payload);
    }

    public DurableFake With(OrchestrationMetadata instance)
    {
        Instances[instance.InstanceId] = instance;
        return this;
    }

    private async Task<OrchestrationMetadata?> LookUpAsync(string id)
    {
        if (Gate is { } gate)
        {
            await gate.Task;
        }

        return Instances.GetValueOrDefault(id);
    }
}
