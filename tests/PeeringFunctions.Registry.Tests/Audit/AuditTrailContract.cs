using PeeringFunctions.Registry.Audit;

namespace PeeringFunctions.Registry.Tests.Audit;

/// <summary>What every <see cref="IAuditTrail"/> does, whichever store holds the entries.</summary>
public abstract class AuditTrailContract
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A trail over a new, empty store.</summary>
    protected abstract IAuditTrail NewTrail();

    public static AuditEntry Entry(string peeringId, int minute, string key, string? requestId = null) => new(
        peeringId, Start.AddMinutes(minute).AddTicks(1234), AuditKinds.TencentWrite, "alpha", AuditChannels.Tencent, $"entry {key}", requestId, key);

    [Fact]
    public async Task Entries_appended_out_of_order_are_listed_oldest_first_field_for_field()
    {
        var trail = NewTrail();
        var later = Entry("peering-vpc-a-vpc-b", 5, "tencent:req-2", "req-2");
        var earlier = Entry("peering-vpc-a-vpc-b", 1, "request-received:1") with
        {
            Kind = AuditKinds.RequestReceived, Actor = "portal key ops", Channel = AuditChannels.Http, RequestId = null,
        };

        Assert.True(await trail.AppendAsync(later));
        Assert.True(await trail.AppendAsync(earlier));

        Assert.Equal([earlier, later], await trail.ListAsync("peering-vpc-a-vpc-b"));
    }

    [Fact]
    public async Task An_entry_appended_again_with_its_key_adds_nothing_even_at_another_time()
    {
        var trail = NewTrail();
        var first = Entry("peering-vpc-a-vpc-b", 1, "tencent:req-1", "req-1");

        Assert.True(await trail.AppendAsync(first));
        Assert.False(await trail.AppendAsync(first));
        Assert.False(await trail.AppendAsync(first with { At = first.At.AddMinutes(3), Summary = "a retry's wording" }));

        Assert.Equal([first], await trail.ListAsync("peering-vpc-a-vpc-b"));
    }

    [Fact]
    public async Task Each_peering_lists_only_its_own_entries_and_an_unknown_one_lists_none()
    {
        var trail = NewTrail();
        var mine = Entry("peering-vpc-a-vpc-b", 1, "same-key");
        var theirs = Entry("peering-vpc-c-vpc-d", 2, "same-key");

        Assert.True(await trail.AppendAsync(mine));
        Assert.True(await trail.AppendAsync(theirs)); // keys are per peering

        Assert.Equal([mine], await trail.ListAsync("peering-vpc-a-vpc-b"));
        Assert.Equal([theirs], await trail.ListAsync("peering-vpc-c-vpc-d"));
        Assert.Empty(await trail.ListAsync("peering-vpc-e-vpc-f"));
    }

    [Fact]
    public async Task Entries_at_the_same_moment_keep_one_order_by_key()
    {
        var trail = NewTrail();
        var b = Entry("peering-vpc-a-vpc-b", 1, "b");
        var a = Entry("peering-vpc-a-vpc-b", 1, "a");

        await trail.AppendAsync(b);
        await trail.AppendAsync(a);

        Assert.Equal(["a", "b"], (await trail.ListAsync("peering-vpc-a-vpc-b")).Select(e => e.Key));
    }

    [Fact]
    public async Task Keys_and_ids_with_characters_a_table_key_refuses_round_trip()
    {
        var trail = NewTrail();
        var odd = Entry("peering/odd#id?", 1, "decision:slack/U1#2?x%", "req/1") with { Summary = "quotes ' \" and 対等接続" };

        Assert.True(await trail.AppendAsync(odd));
        Assert.False(await trail.AppendAsync(odd));

        Assert.Equal([odd], await trail.ListAsync("peering/odd#id?"));
    }

    [Fact]
    public async Task A_long_summary_is_cut_and_an_entry_without_an_actor_is_refused()
    {
        var trail = NewTrail();
        var wordy = Entry("peering-vpc-a-vpc-b", 1, "wordy") with { Summary = new string('x', AuditEntryRules.MaxSummaryLength * 2) };

        await trail.AppendAsync(wordy);
        await Assert.ThrowsAsync<ArgumentException>(() => trail.AppendAsync(Entry("peering-vpc-a-vpc-b", 2, "nobody") with { Actor = " " }));

        var stored = Assert.Single(await trail.ListAsync("peering-vpc-a-vpc-b"));
        Assert.Equal(AuditEntryRules.MaxSummaryLength, stored.Summary.Length);
        Assert.EndsWith("…", stored.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_appends_of_one_key_write_it_once()
    {
        var trail = NewTrail();
        var entry = Entry("peering-vpc-race-vpc-b", 1, "tencent:req-race", "req-race");

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => trail.AppendAsync(entry))));

        Assert.Equal(1, results.Count(written => written));
        Assert.Single(await trail.ListAsync("peering-vpc-race-vpc-b"));
    }
}

public sealed class InMemoryAuditTrailTests : AuditTrailContract
{
    protected override IAuditTrail NewTrail() => new InMemoryAuditTrail();
}
