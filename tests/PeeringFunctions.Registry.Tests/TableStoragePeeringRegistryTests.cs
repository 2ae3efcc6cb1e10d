using Azure.Data.Tables;
using PeeringFunctions.Registry.TableStorage;
using PeeringFunctions.Registry.Tests.Support;

namespace PeeringFunctions.Registry.Tests;

/// <summary>The contract on Azure Table Storage (Azurite), and what only a store outside the process can show.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableStoragePeeringRegistryTests(AzuriteFixture azurite) : RegistryContract
{
    protected override IPeeringRegistry NewRegistry() => OnTable(AzuriteFixture.NewTableName("contract"));

    [Fact]
    public async Task A_second_registry_on_the_same_table_reads_what_the_first_wrote_as_after_a_restart()
    {
        var table = AzuriteFixture.NewTableName("restart");
        var written = Records.Peering("peering-vpc-abc-vpc-def", RegistryStates.Requested);
        await OnTable(table).UpsertAsync(written);

        var afterRestart = OnTable(table);

        Records.AssertSame(written, await afterRestart.GetAsync(written.Id));
        Records.AssertSame(written, Assert.Single(await ToListAsync(afterRestart)));
    }

    [Fact]
    public async Task The_table_is_created_on_first_use_with_the_record_as_json_beside_plain_columns()
    {
        var table = AzuriteFixture.NewTableName("columns");
        var written = Records.Peering("peering/odd#id");

        await OnTable(table).UpsertAsync(written);

        var entity = (await new TableClient(azurite.ConnectionString, table)
            .GetEntityAsync<TableEntity>(TableStoragePeeringRegistry.PartitionKey, "peering%2Fodd%23id")).Value;
        Assert.Equal(written.State, entity.GetString("State"));
        Assert.Equal(written.PeeringConnectionId, entity.GetString("PeeringConnectionId"));
        Assert.Equal(written.UpdatedAt, entity.GetDateTimeOffset("UpdatedAt"));
        Assert.Equal(written.Id, System.Text.Json.JsonDocument.Parse(entity.GetString(TableStoragePeeringRegistry.RecordColumn)).RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_store_that_cannot_be_reached_fails_with_the_table_named_and_no_connection_string()
    {
        // A port nothing listens on (Azurite's account key in the string must not appear in the message).
        var unreachable = azurite.ConnectionString.Replace($":{azurite.Server.TablePort}/", ":9/", StringComparison.Ordinal);
        var options = new TableClientOptions { Retry = { MaxRetries = 0 } };
        var registry = new TableStoragePeeringRegistry(new TableClient(unreachable, "unreachable", options));

        var error = await Assert.ThrowsAsync<PeeringRegistryException>(() => registry.GetAsync("peering-x"));

        Assert.Contains("'unreachable'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Eby8", error.Message, StringComparison.Ordinal);
    }

    private TableStoragePeeringRegistry OnTable(string table) =>
        (TableStoragePeeringRegistry)RegistryRegistration.Create(new RegistryOptions
        {
            Store = RegistryOptions.AzureTablesStore,
            TableName = table,
            ConnectionString = azurite.ConnectionString,
        });
}
