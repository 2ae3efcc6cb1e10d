using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using PeeringFunctions.Peerings.Telemetry;

namespace PeeringFunctions.Peerings.Tests.Telemetry;

/// <summary>A local timer's tick as a trace of its own, as a timer trigger's invocation is in Azure.</summary>
public sealed class TickTraceTests
{
    [Fact]
    public async Task Each_tick_runs_inside_a_root_span_named_for_its_work_even_when_the_timer_was_started_inside_another_span()
    {
        var work = $"Test tick {Guid.NewGuid():N}";
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == PeeringTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        using var outer = new ActivitySource("test.outer");
        using var outerListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "test.outer",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(outerListener);

        var tick = new RecordingTick(work);
        using (outer.StartActivity("host start"))
        {
            await tick.StartAsync(CancellationToken.None);
        }

        var seen = await tick.Ticked.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await tick.StopAsync(CancellationToken.None);

        Assert.NotNull(seen);
        Assert.Equal((work, PeeringTelemetry.Name), (seen.DisplayName, seen.Source.Name));
        Assert.Equal(default, seen.ParentSpanId);
    }

    private sealed class RecordingTick(string work) : PeriodicTickService(TimeProvider.System, NullLogger.Instance)
    {
        public TaskCompletionSource<Activity?> Ticked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override string WorkName => work;

        protected override bool Enabled => true;

        protected override TimeSpan Interval => TimeSpan.FromHours(1);

        protected override bool TickAtStart => true;

        protected override Task TickAsync(CancellationToken cancellationToken)
        {
            Ticked.TrySetResult(Activity.Current);
            return Task.CompletedTask;
        }
    }
}
