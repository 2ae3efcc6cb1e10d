using PeeringFunctions.Registry.Tests.Support;

namespace PeeringFunctions.Registry.Tests;

/// <summary>The stuck marks on Azure Table Storage (Azurite): in the registry's table, out of the registry's way, surviving a restart.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableStorageStuckMarksTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Created = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    private RegistryOptions Options(string table) => new()
    {
        Store = RegistryOptions.AzureTablesStore,
        TableName = table,
        ConnectionString = azurite.ConnectionString,
    };

    [Fact]
    public async Task A_mark_written_is_read_back_after_a_restart_and_the_registry_on_the_same_table_does_not_list_it()
    {
        var table = AzuriteFixture.NewTableName("stuck");
        var mark = new StuckMark("peering-vpc-abc-vpc-def-teardown", Created, "DeletingPeering", Created.AddMinutes(5), Created.AddMinutes(40));
        await RegistryRegistration.CreateStuckMarks(Options(table)).UpsertAsync(mark);
        var registry = RegistryRegistration.Create(Options(table));
        await registry.UpsertAsync(Records.Peering("peering-vpc-abc-vpc-def", RegistryStates.TearingDown));

        var afterRestart = RegistryRegistration.CreateStuckMarks(Options(table));
        var listed = new List<StuckMark>();
        await foreach (var each in afterRestart.ListAsync())
        {
            listed.Add(each);
        }

        var records = new List<RegisteredPeering>();
        await foreach (var record in registry.ListAsync())
        {
            records.Add(record);
        }

        Assert.Equal(mark, await afterRestart.GetAsync(mark.InstanceId));
        Assert.Equal([mark], listed);
        Assert.Equal(["peering-vpc-abc-vpc-def"], records.Select(r => r.Id));
    }

    [Fact]
    public async Task A_deleted_mark_is_gone_and_deleting_one_that_is_not_there_is_fine()
    {
        var marks = RegistryRegistration.CreateStuckMarks(Options(AzuriteFixture.NewTableName("stuckdel")));
        await marks.UpsertAsync(new StuckMark("peering-vpc-abc-vpc-def", Created, "Requesting", Created));

        await marks.DeleteAsync("peering-vpc-abc-vpc-def");
        await marks.DeleteAsync("peering-vpc-abc-vpc-def");

        Assert.Null(await marks.GetAsync("peering-vpc-abc-vpc-def"));
    }
}
