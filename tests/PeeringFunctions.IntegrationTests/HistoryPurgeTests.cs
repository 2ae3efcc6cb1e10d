using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PeeringFunctions.IntegrationTests.Support;
using PeeringFunctions.Peerings.Purging;
using PeeringFunctions.Registry;
using PeeringFunctions.Workflow.Contracts;
using static PeeringFunctions.Testing.Builders.DemoIds;

namespace PeeringFunctions.IntegrationTests;

/// <summary>The purge on the local host's Durable engine: a clock moved past the retention, the real backend's query and purge.</summary>
public sealed class HistoryPurgeTests(LocalHostFixture fixture) : IntegrationTest(fixture), IClassFixture<LocalHostFixture>
{
    private HistoryPurger PurgerAt(TimeSpan ahead) => new(
        Fixture.Host.Services.GetRequiredService<PurgeReadiness>(),
        Options.Create(new PurgeOptions()),
        new ShiftedClock(ahead),
        NullLogger<HistoryPurger>.Instance);

    [Fact]
    public async Task A_peering_is_purged_only_once_it_has_ended_more_than_the_retention_ago_and_is_still_listed_afterwards()
    {
        var started = await Api.StartAcceptedAsync(PeeringRequests.CrossRegion());
        await Api.WaitForStepAsync(started.Id, PeeringSteps.WaitingForAcceptance);

        var whileRunning = await PurgerAt(TimeSpan.FromDays(31)).PurgeAsync(Client, CancellationToken.None);

        await Api.DecideAcceptedAsync(started.Id, accept: true, ApproverKey(Beta));
        var done = await Api.WaitForEndAsync(started.Id);
        var justEnded = await PurgerAt(TimeSpan.Zero).PurgeAsync(Client, CancellationToken.None);
        var pastRetention = await PurgerAt(TimeSpan.FromDays(31)).PurgeAsync(Client, CancellationToken.None);

        Assert.Empty(whileRunning.Purged);
        Assert.Empty(justEnded.Purged);
        Assert.Equal([started.Id], pastRetention.Purged);
        Assert.Null(await Client.GetInstanceAsync(started.Id));
        var shown = await Api.GetAsync(started.Id);
        Assert.Equal((PeeringStatus.Active, done.PeeringConnectionId), (shown.State, shown.PeeringConnectionId));
        var record = await Fixture.Host.Services.GetRequiredService<IPeeringRegistry>().GetAsync(started.Id);
        Assert.Equal(RegistryStates.Active, record!.State);
    }

    /// <summary>The system clock moved by a fixed amount: "31 days from now" without waiting.</summary>
    private sealed class ShiftedClock(TimeSpan ahead) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + ahead;
    }
}
