using PeeringFunctions.Peerings.Watching;
using PeeringFunctions.Registry;
using static PeeringFunctions.Peerings.Tests.Watching.WatchedWorld;

namespace PeeringFunctions.Peerings.Tests.Watching;

/// <summary>How a check becomes a peering's health: new findings once, old ones keep their first sighting, cleared ones are told.</summary>
public sealed class HealthUpdateTests
{
    private static DriftFinding Missing(DateTimeOffset at) => new(DriftKinds.RouteMissing, FindingSides.Receiver, "10.10.0.0/16", "route gone", at);

    [Fact]
    public void A_first_finding_is_new_makes_the_peering_drifted_and_enters_the_history()
    {
        var update = HealthUpdate.From(null, new DriftCheck([Missing(Now)], new Dictionary<string, IReadOnlyList<string>>()), Now);

        Assert.Equal(HealthStatuses.Drifted, update.Health.Status);
        Assert.Equal(Now, update.Health.CheckedAt);
        Assert.Single(update.New);
        var entry = Assert.Single(update.Health.History);
        Assert.Equal((HealthEventKinds.Found, "route gone"), (entry.Kind, entry.Description));
        Assert.Equal(RegistryStates.Drifted, HealthUpdate.StateAfter(RegistryStates.Active, update.Health));
    }

    [Fact]
    public void A_finding_seen_again_is_not_new_and_keeps_when_it_was_first_seen()
    {
        var first = HealthUpdate.From(null, new DriftCheck([Missing(Now)], new Dictionary<string, IReadOnlyList<string>>()), Now);
        var later = Now.AddMinutes(15);

        var second = HealthUpdate.From(first.Health, new DriftCheck([Missing(later)], new Dictionary<string, IReadOnlyList<string>>()), later);

        Assert.Empty(second.New);
        Assert.Equal(Now, Assert.Single(second.Health.Findings).FirstSeenAt);
        Assert.Single(second.Health.History);
        Assert.Equal(later, second.Health.CheckedAt);
    }

    [Fact]
    public void A_finding_gone_is_cleared_in_the_history_and_the_peering_is_healthy_and_active_again()
    {
        var first = HealthUpdate.From(null, new DriftCheck([Missing(Now)], new Dictionary<string, IReadOnlyList<string>>()), Now);

        var second = HealthUpdate.From(first.Health, new DriftCheck([], new Dictionary<string, IReadOnlyList<string>>()), Now.AddMinutes(15));

        Assert.Equal(HealthStatuses.Healthy, second.Health.Status);
        Assert.Empty(second.Health.Findings);
        Assert.Single(second.Cleared);
        Assert.Equal([HealthEventKinds.Found, HealthEventKinds.Cleared], second.Health.History.Select(h => h.Kind));
        Assert.Equal(RegistryStates.Active, HealthUpdate.StateAfter(RegistryStates.Drifted, second.Health));
    }

    [Theory]
    [InlineData(RegistryStates.Repairing)]
    [InlineData(RegistryStates.TearingDown)]
    public void A_state_a_workflow_owns_is_left_alone(string state)
    {
        var drifted = HealthUpdate.From(null, new DriftCheck([Missing(Now)], new Dictionary<string, IReadOnlyList<string>>()), Now).Health;

        Assert.Equal(state, HealthUpdate.StateAfter(state, drifted));
    }
}
