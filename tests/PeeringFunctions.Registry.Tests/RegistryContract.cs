using PeeringFunctions.Registry.Tests.Support;

namespace PeeringFunctions.Registry.Tests;

/// <summary>What every <see cref="IPeeringRegistry"/> does, whichever store holds the records.</summary>
public abstract class RegistryContract
{
    /// <summary>Records the list test writes: more than one page of a Table Storage query (1,000).</summary>
    protected virtual int ManyRecords => 1_100;

    /// <summary>A registry over a new, empty store.</summary>
    protected abstract IPeeringRegistry NewRegistry();

    [Fact]
    public async Task A_record_upserted_is_read_back_equal_field_for_field()
    {
        var registry = NewRegistry();
        var written = Records.Peering("peering-vpc-abc-vpc-def", routes: 3);

        await registry.UpsertAsync(written);

        Records.AssertSame(written, await registry.GetAsync(written.Id));
    }

    [Fact]
    public async Task A_record_keeps_the_time_its_peering_was_requested()
    {
        var registry = NewRegistry();
        var requestedAt = new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);
        var written = Records.Peering("peering-vpc-req1-vpc-req2") with { RequestedAt = requestedAt };

        await registry.UpsertAsync(written);

        Assert.Equal(requestedAt, (await registry.GetAsync(written.Id))!.RequestedAt);
    }

    [Fact]
    public async Task An_adopted_record_with_the_subnets_kept_on_its_tables_is_read_back_equal_field_for_field()
    {
        var registry = NewRegistry();
        var plain = Records.Peering("peering-vpc-adopt1-vpc-adopt2");
        var adopted = plain with
        {
            Origin = PeeringOrigins.Adopted,
            RepairPolicy = RepairPolicies.Notify,
            RequestedBy = "portal",
            Health = PeeringHealth.Unchecked,
            Initiator = plain.Initiator with { CreatedRouteItemIds = [], AssociationChanges = [], KeptSubnetIds = ["subnet-a1", "subnet-a2"] },
        };

        Assert.True(await registry.AddAsync(adopted));

        var read = await registry.GetAsync(adopted.Id);
        Records.AssertSame(adopted, read);
        Assert.Equal(["subnet-a1", "subnet-a2"], read!.Initiator.KeptSubnetIds);
        Assert.Null(read.Receiver.KeptSubnetIds);
    }

    [Fact]
    public async Task An_upsert_of_an_existing_id_replaces_the_whole_record()
    {
        var registry = NewRegistry();
        await registry.UpsertAsync(Records.Peering("peering-vpc-1-vpc-2", RegistryStates.Active, routes: 4));
        var later = Records.Peering("peering-vpc-1-vpc-2", RegistryStates.TornDown, routes: 1) with { PeeringConnectionId = null, Message = null };

        await registry.UpsertAsync(later);

        Records.AssertSame(later, await registry.GetAsync(later.Id));
        Assert.Single(await ToListAsync(registry));
    }

    [Fact]
    public async Task Get_of_an_id_never_written_is_null()
    {
        var registry = NewRegistry();
        await registry.UpsertAsync(Records.Peering("peering-vpc-known-vpc-x"));

        Assert.Null(await registry.GetAsync("peering-vpc-unknown-vpc-y"));
    }

    [Fact]
    public async Task List_returns_every_record_written_even_past_one_page()
    {
        var registry = NewRegistry();
        var written = Enumerable.Range(0, ManyRecords).Select(i => Records.Peering($"peering-vpc-{i:D5}-vpc-z", routes: i % 3)).ToList();

        await Parallel.ForEachAsync(written, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (peering, ct) => await registry.UpsertAsync(peering, ct));
        var listed = await ToListAsync(registry);

        Assert.Equal(ManyRecords, listed.Count);
        Assert.Equal(
            written.Select(Records.Json).Order(StringComparer.Ordinal),
            listed.Select(Records.Json).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("peering/with/slashes")]
    [InlineData(@"peering\with\backslashes")]
    [InlineData("peering#hash?query")]
    [InlineData("peering%2Fescaped-looking")]
    [InlineData("peering'quote\"double & plus+ space")]
    [InlineData("peering-\u0001-\u007f-\u0085-controls")]
    [InlineData("peering-対等接続-ü")]
    public async Task Ids_with_characters_a_table_key_refuses_round_trip(string id)
    {
        var registry = NewRegistry();
        var written = Records.Peering(id);

        await registry.UpsertAsync(written);

        Records.AssertSame(written, await registry.GetAsync(id));
        Records.AssertSame(written, Assert.Single(await ToListAsync(registry)));
    }

    [Fact]
    public async Task An_id_and_its_escaped_spelling_are_two_records()
    {
        var registry = NewRegistry();
        var slash = Records.Peering("peering-a/b", RegistryStates.Active);
        var escaped = Records.Peering("peering-a%2Fb", RegistryStates.Failed);

        await registry.UpsertAsync(slash);
        await registry.UpsertAsync(escaped);

        Records.AssertSame(slash, await registry.GetAsync(slash.Id));
        Records.AssertSame(escaped, await registry.GetAsync(escaped.Id));
    }

    [Fact]
    public async Task Add_creates_a_record_only_when_its_id_is_free()
    {
        var registry = NewRegistry();
        var first = Records.Peering("peering-vpc-add-vpc-one", RegistryStates.Active);
        var second = first with { State = RegistryStates.Failed, Message = "a second writer" };

        Assert.True(await registry.AddAsync(first));
        Assert.False(await registry.AddAsync(second));

        Records.AssertSame(first, await registry.GetAsync(first.Id));
    }

    [Fact]
    public async Task Update_applies_the_change_to_the_stored_record_and_returns_it()
    {
        var registry = NewRegistry();
        var stored = Records.Peering("peering-vpc-upd-vpc-one", RegistryStates.Active);
        await registry.UpsertAsync(stored);

        var updated = await registry.UpdateAsync(stored.Id, r => r with { State = RegistryStates.Drifted, Health = Records.DriftedHealth() });

        Records.AssertSame(stored with { State = RegistryStates.Drifted, Health = Records.DriftedHealth() }, updated);
        Records.AssertSame(updated!, await registry.GetAsync(stored.Id));
    }

    [Fact]
    public async Task Update_that_returns_null_leaves_the_record_and_update_of_an_unknown_id_is_null()
    {
        var registry = NewRegistry();
        var stored = Records.Peering("peering-vpc-keep-vpc-one", RegistryStates.Active);
        await registry.UpsertAsync(stored);

        Records.AssertSame(stored, await registry.UpdateAsync(stored.Id, _ => null));
        Assert.Null(await registry.UpdateAsync("peering-vpc-none-vpc-two", r => r with { State = RegistryStates.TornDown }));
        Assert.Null(await registry.GetAsync("peering-vpc-none-vpc-two"));
    }

    [Fact]
    public async Task Concurrent_updates_each_see_the_others_writes_so_none_is_lost()
    {
        var registry = NewRegistry();
        var stored = Records.Peering("peering-vpc-race-vpc-one", RegistryStates.Active) with { Health = PeeringHealth.Unchecked };
        await registry.UpsertAsync(stored);
        const int writers = 8;

        await Task.WhenAll(Enumerable.Range(0, writers).Select(i => Task.Run(() => registry.UpdateAsync(
            stored.Id, r => r with { Health = r.Health!.WithHistory(new HealthEvent(r.UpdatedAt, HealthEventKinds.Found, $"writer {i}")) }))));

        var history = (await registry.GetAsync(stored.Id))!.Health!.History;
        Assert.Equal(
            Enumerable.Range(0, writers).Select(i => $"writer {i}").Order(StringComparer.Ordinal),
            history.Select(e => e.Description).Order(StringComparer.Ordinal));
    }

    protected static async Task<List<RegisteredPeering>> ToListAsync(IPeeringRegistry registry)
    {
        var all = new List<RegisteredPeering>();
        await foreach (var peering in registry.ListAsync())
        {
            all.Add(peering);
        }

        return all;
    }
}

public sealed class InMemoryPeeringRegistryTests : RegistryContract
{
    protected override IPeeringRegistry NewRegistry() => new InMemoryPeeringRegistry();
}
