namespace PeeringFunctions.Registry.Tests;

public sealed class PeeringHealthTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void History_keeps_only_the_latest_entries_up_to_its_limit()
    {
        var health = PeeringHealth.Unchecked;

        for (var i = 0; i < PeeringHealth.HistoryLimit + 5; i++)
        {
            health = health.WithHistory(new HealthEvent(At.AddMinutes(i), HealthEventKinds.Found, $"event {i}"));
        }

        Assert.Equal(PeeringHealth.HistoryLimit, health.History.Count);
        Assert.Equal("event 5", health.History[0].Description);
        Assert.Equal($"event {PeeringHealth.HistoryLimit + 4}", health.History[^1].Description);
    }

    [Fact]
    public void A_finding_is_known_across_ticks_by_its_kind_side_and_subject_not_its_time_or_words()
    {
        var first = new DriftFinding(DriftKinds.RouteMissing, FindingSides.Receiver, "10.1.0.0/16", "gone", At);
        var again = first with { Description = "still gone", FirstSeenAt = At.AddMinutes(15) };
        var otherSide = first with { Side = FindingSides.Initiator };

        Assert.Equal(first.Key, again.Key);
        Assert.NotEqual(first.Key, otherSide.Key);
    }

    [Theory]
    [InlineData(RegistryStates.Active, true)]
    [InlineData(RegistryStates.Drifted, true)]
    [InlineData(RegistryStates.Repairing, true)]
    [InlineData(RegistryStates.TornDown, false)]
    [InlineData(RegistryStates.PeerDeleted, false)]
    [InlineData(RegistryStates.Requested, false)]
    public void The_watcher_checks_peerings_that_are_in_place(string state, bool watched) =>
        Assert.Equal(watched, Support.Records.Peering("peering-vpc-w-vpc-x", state).IsWatched);
}
