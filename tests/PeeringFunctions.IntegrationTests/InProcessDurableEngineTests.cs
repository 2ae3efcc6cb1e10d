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
}
