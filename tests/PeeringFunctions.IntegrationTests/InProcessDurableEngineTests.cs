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

    [Fact]
    public async Task A_fan_out_whose_results_arrive_milliseconds_apart_wakes_its_orchestration_once_for_all_of_them()
    {
        const int orchestrations = 20;
        var batched = await EpisodesOfStaggeredFanOutsAsync(orchestrations, TimeSpan.FromMilliseconds(200));
        var oneByOne = await EpisodesOfStaggeredFanOutsAsync(orchestrations, TimeSpan.Zero);

        // The start, then one episode for all five results.
        Assert.Equal(2 * orchestrations, batched);
        // Without the window each result wakes it on its own (some may still arrive together).
        Assert.True(oneByOne > 3 * orchestrations, $"{oneByOne} episodes without the window");
    }

    [Fact]
    public async Task A_result_waits_for_a_slow_sibling_no_longer_than_the_window()
    {
        await using var engine = await InProcessDurableEngine.StartAsync(new InProcessDurableEngineOptions
        {
            SiblingCompletionWindow = TimeSpan.FromMilliseconds(100),
            RegisterTasks = registry =>
            {
                registry.AddActivityFunc<int, int>("Sleep", async (_, ms) =>
                {
                    await Task.Delay(ms);
                    return ms;
                });
                registry.AddOrchestratorFunc<string, int>("FastThenSlow", async (context, _) =>
                {
                    var fast = context.CallActivityAsync<int>("Sleep", 10);
                    var slow = context.CallActivityAsync<int>("Sleep", 10_000);
                    context.SetCustomStatus($"fast returned {await fast}");
                    return await slow;
                });
            },
        });

        var clock = Stopwatch.StartNew();
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync("FastThenSlow");
        string? status = null;
        while (status is null && clock.Elapsed < TimeSpan.FromSeconds(9))
        {
            await Task.Delay(20);
            status = (await engine.Client.GetInstanceAsync(id, getInputsAndOutputs: true))?.ReadCustomStatusAs<string>();
        }

        Assert.Equal("fast returned 10", status);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"the fast result reached the orchestration after {clock.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>Orchestration episodes for <paramref name="count"/> fan-outs of five activities ending 10 ms apart.</summary>
    private static async Task<long> EpisodesOfStaggeredFanOutsAsync(int count, TimeSpan window)
    {
        await using var engine = await InProcessDurableEngine.StartAsync(new InProcessDurableEngineOptions
        {
            SiblingCompletionWindow = window,
            RegisterTasks = registry =>
            {
                registry.AddActivityFunc<int, int>("Sleep", async (_, ms) =>
                {
                    await Task.Delay(ms);
                    return ms;
                });
                registry.AddOrchestratorFunc<string, int>("FiveReads", async (context, _) =>
                {
                    // 50 ms before the first ends: time for all five to be running by then.
                    var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => context.CallActivityAsync<int>("Sleep", 50 + (10 * i))));
                    return results.Sum();
                });
            },
        });

        var ids = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => engine.Client.ScheduleNewOrchestrationInstanceAsync("FiveReads")));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var done = await Task.WhenAll(ids.Select(id => engine.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token)));
        Assert.All(done, d => Assert.Equal(350, d.ReadOutputAs<int>()));
        return Assert.IsType<DurableWorkItemCounts>(engine.Dispatched).OrchestrationEpisodes;
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
