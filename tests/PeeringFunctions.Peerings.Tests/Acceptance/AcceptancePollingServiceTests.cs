using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Moq;
using PeeringFunctions.Peerings.Acceptance;
using PeeringFunctions.Peerings.Tests.Support;
using PeeringFunctions.Workflow;

namespace PeeringFunctions.Peerings.Tests.Acceptance;

/// <summary>
/// The local host's timer around the poller: registered by AddPeeringAcceptancePolling from the "AcceptancePoll"
/// section, one tick per Interval on the host's TimeProvider (a fake one here), off when Enabled is false.
/// </summary>
public sealed class AcceptancePollingServiceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Service_ticks_the_poller_once_per_configured_interval()
    {
        await using var host = await ServiceUnderTest.StartAsync(new() { ["AcceptancePoll:Interval"] = "00:00:30" });

        host.Time.Advance(TimeSpan.FromSeconds(29));
        await host.ExpectTicksAsync(0);
        host.Time.Advance(TimeSpan.FromSeconds(1));
        await host.ExpectTicksAsync(1);
        host.Time.Advance(TimeSpan.FromSeconds(30));
        await host.ExpectTicksAsync(2);
        Assert.All(host.Durable.Queries, q => Assert.Equal("peering-", q?.InstanceIdPrefix));
    }

    [Fact]
    public async Task Service_defaults_to_one_tick_a_minute()
    {
        await using var host = await ServiceUnderTest.StartAsync([]);

        host.Time.Advance(TimeSpan.FromSeconds(59));
        await host.ExpectTicksAsync(0);
        host.Time.Advance(TimeSpan.FromSeconds(1));
        await host.ExpectTicksAsync(1);
    }

    [Fact]
    public async Task Service_switched_off_in_configuration_never_polls()
    {
        await using var host = await ServiceUnderTest.StartAsync(
            new() { ["AcceptancePoll:Enabled"] = "false", ["AcceptancePoll:Interval"] = "00:00:01" }, expectTimer: false);

        for (var minute = 0; minute < 10; minute++)
        {
            host.Time.Advance(TimeSpan.FromMinutes(1));
        }

        await host.ReturnedAsync();
        Assert.False(host.Time.TimerCreated.IsCompleted, "the switched-off service created a timer");
        await host.ExpectTicksAsync(0);
    }

    [Fact]
    public async Task Tick_that_fails_does_not_stop_the_next_ones()
    {
        var calls = 0;
        await using var host = await ServiceUnderTest.StartAsync(new() { ["AcceptancePoll:Interval"] = "00:00:10" }, configure: durable =>
            durable.Mock.Setup(c => c.GetAllInstancesAsync(It.IsAny<OrchestrationQuery?>()))
                .Returns((OrchestrationQuery? query) =>
                {
                    durable.Queries.Enqueue(query);
                    return Interlocked.Increment(ref calls) == 1
                        ? Pageable.Create<OrchestrationMetadata>((string? _, CancellationToken _) => throw new InvalidOperationException("Durable backend unavailable"))
                        : Pageable.Create((string? _, CancellationToken _) => Task.FromResult(new Page<OrchestrationMetadata>([], null)));
                }));

        for (var tick = 1; tick <= 3; tick++)
        {
            host.Time.Advance(TimeSpan.FromSeconds(10));
            await host.ExpectTicksAsync(tick);
        }
    }

    /// <summary>The service as AddPeeringAcceptancePolling registers it, over a mocked Durable client and a fake clock.</summary>
    private sealed class ServiceUnderTest(ServiceProvider provider, IHostedService service, DurableFake durable, TimerWatchingClock time) : IAsyncDisposable
    {
        public DurableFake Durable => durable;

        public TimerWatchingClock Time => time;

        /// <summary>Until the service's ExecuteAsync has returned (it runs in the background): then it can never poll.</summary>
        public Task ReturnedAsync() => ((BackgroundService)service).ExecuteTask!.WaitAsync(Patience);

        public static async Task<ServiceUnderTest> StartAsync(
            Dictionary<string, string?> settings, bool expectTimer = true, Action<DurableFake>? configure = null)
        {
            var durable = new DurableFake(MockBehavior.Strict);
            configure?.Invoke(durable);
            var time = new TimerWatchingClock();
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
            var provider = new ServiceCollection()
                .AddLogging()
                .AddSingleton<TimeProvider>(time)
                .AddSingleton(durable.Client)
                .AddPeeringWorkflow(configuration)
                .AddPeeringAcceptancePolling(configuration)
                .BuildServiceProvider();
            var service = Assert.IsType<AcceptancePollingService>(Assert.Single(provider.GetServices<IHostedService>()));
            await service.StartAsync(CancellationToken.None);

            // ExecuteAsync runs in the background: advancing the clock before its timer exists would be lost.
            if (expectTimer)
            {
                await time.TimerCreated.WaitAsync(Patience);
            }

            return new ServiceUnderTest(provider, service, durable, time);
        }

        /// <summary>
        /// Exactly <paramref name="count"/> polls so far, and no extra one to come: the service polls only when its
        /// timer fires, and the fake clock fires timers inside Advance, so the fires are counted, not waited for.
        /// </summary>
        public async Task ExpectTicksAsync(int count)
        {
            Assert.Equal(count, time.TimerFires);
            var deadline = DateTime.UtcNow + Patience;
            while (durable.Queries.Count < count)
            {
                Assert.True(DateTime.UtcNow < deadline, $"the service polled {durable.Queries.Count} times, not {count}, within {Patience.TotalSeconds} s");
                await Task.Delay(10);
            }

            Assert.Equal(count, durable.Queries.Count);
            durable.AssertOnlyCalled(nameof(DurableTaskClient.GetAllInstancesAsync), nameof(DurableTaskClient.RaiseEventAsync));
        }

        public async ValueTask DisposeAsync()
        {
            await service.StopAsync(CancellationToken.None);
            await provider.DisposeAsync();
        }
    }
}

/// <summary>A fake clock that tells when the first timer is created on it.</summary>
internal sealed class TimerWatchingClock() : FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero))
{
    private readonly TaskCompletionSource timerCreated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private int timerFires;

    public Task TimerCreated => timerCreated.Task;

    /// <summary>How often a timer created on this clock has fired (inside <see cref="FakeTimeProvider.Advance"/>).</summary>
    public int TimerFires => Volatile.Read(ref timerFires);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(
            s =>
            {
                Interlocked.Increment(ref timerFires);
                callback(s);
            },
            state,
            dueTime,
            period);
        timerCreated.TrySetResult();
        return timer;
    }
}
