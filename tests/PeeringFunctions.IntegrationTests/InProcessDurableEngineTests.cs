using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using PeeringFunctions.LocalHost.Durable;

namespace PeeringFunctions.IntegrationTests;

/// <summary>The engine on its own, without HTTP: many orchestrations in flight at once, as a portal's backlog would be.</summary>
public sealed class InProcessDurableEngineTests
{
    [Fact]
    public async Task Fifty_orchestrations_waiting_for_an_event_at_once_all_finish_without_the_two_per_core_crawl()
    {
        const int count = 50;
        await using var engine = await InProcessDurableEngine.StartAsync(new InProcessDurableEngineOptions
        {
            RegisterTasks = registry =>
            {
                registry.AddActivityFunc<string, string>("Echo", (_, text) => text);
                registry.AddOrchestratorFunc<string, string>("AskThenAct", async (context, name) =>
                {
                    await context.CallActivityAsync<string>("Echo", name);
                    context.SetCustomStatus("waiting");
                    var answer = await context.WaitForExternalEvent<string>("answer");
                    return await context.CallActivityAsync<string>("Echo", $"{name}:{answer}");
                });
            },
        });
        var clock = Stopwatch.StartNew();
        var ids = await Task.WhenAll(Enumerable.Range(0, count).Select(i =>
            engine.Client.ScheduleNewOrchestrationInstanceAsync("AskThenAct", $"n{i}")));

        foreach (var id in ids)
        {
            while ((await engine.Client.GetInstanceAsync(id, getInputsAndOutputs: true))?.SerializedCustomStatus is null)
            {
                await Task.Delay(10);
            }
        }

        await Task.WhenAll(ids.Select(id => engine.Client.RaiseEventAsync(id, "answer", "yes")));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var done = await Task.WhenAll(ids.Select(id => engine.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token)));

        Assert.All(done, d => Assert.Equal(OrchestrationRuntimeStatus.Completed, d.RuntimeStatus));
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"n{i}:yes"), done.Select(d => d.ReadOutputAs<string>()));
        // The stock test host, capped at two work items, did not finish one of 50 such chains in 240 s on this machine.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task Activities_never_exceed_the_configured_limit_and_every_slot_comes_back()
    {
        const int orchestrations = 30;
        const int activityLimit = 3;
        var running = 0;
        var mostAtOnce = 0;
        await using var engine = await InProcessDurableEngine.StartAsync(new InProcessDurableEngineOptions
        {
            // One orchestration slot too: an episode that kept its slot would stop everything after the first.
            MaxConcurrentOrchestrations = 1,
            MaxConcurrentActivities = activityLimit,
            RegisterTasks = registry =>
            {
                registry.AddActivityFunc<string, string>("Slow", async (_, text) =>
                {
                    var now = Interlocked.Increment(ref running);
                    InterlockedMax(ref mostAtOnce, now);
                    await Task.Delay(20);
                    Interlocked.Decrement(ref running);
                    return text;
                });
                registry.AddOrchestratorFunc<string, string>("TwoAtOnce", async (context, name) =>
                {
                    var results = await Task.WhenAll(
                        context.CallActivityAsync<string>("Slow", name + "a"),
                        context.CallActivityAsync<string>("Slow", name + "b"));
                    return string.Concat(results);
                });
            },
        });

        var ids = await Task.WhenAll(Enumerable.Range(0, orchestrations).Select(i =>
            engine.Client.ScheduleNewOrchestrationInstanceAsync("TwoAtOnce", $"n{i}")));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var done = await Task.WhenAll(ids.Select(id => engine.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token)));

        Assert.Equal(Enumerable.Range(0, orchestrations).Select(i => $"n{i}an{i}b"), done.Select(d => d.ReadOutputAs<string>()));
        Assert.Equal(activityLimit, mostAtOnce);
        var dispatched = Assert.IsType<DurableWorkItemCounts>(engine.Dispatched);
        Assert.Equal(2 * orchestrations, dispatched.Activities);
        Assert.InRange(dispatched.OrchestrationEpisodes, 2 * orchestrations, 3 * orchestrations);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref target, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }

    [Fact]
    public async Task Twenty_simultaneous_starts_of_one_instance_id_start_it_once_and_it_still_completes()
    {
        await using var engine = await InProcessDurableEngine.StartAsync(new InProcessDurableEngineOptions
        {
            RegisterTasks = registry =>
            {
                registry.AddActivityFunc<string, string>("Echo", (_, text) => text);
                registry.AddOrchestratorFunc<string, string>("EchoOnce", (context, text) => context.CallActivityAsync<string>("Echo", text));
            },
        });

        // No dedupe statuses: the backend default, which used to queue a second start beside the first.
        var attempts = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            try
            {
                await engine.Client.ScheduleNewOrchestrationInstanceAsync("EchoOnce", $"start {i}", new StartOrchestrationOptions("one-id"));
                return true;
            }
            catch (Exception error) when (error.ToString().Contains("AlreadyExists", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var done = await engine.Client.WaitForInstanceCompletionAsync("one-id", getInputsAndOutputs: true, timeout.Token);

        Assert.Equal(1, attempts.Count(started => started));
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(done.ReadInputAs<string>(), done.ReadOutputAs<string>());
    }
}
