using Azure.Data.Tables;
using PeeringFunctions.Registry.Audit;
using PeeringFunctions.Registry.TableStorage;
using PeeringFunctions.Registry.Tests.Support;

namespace PeeringFunctions.Registry.Tests.Audit;

/// <summary>The contract on Azure Table Storage (Azurite), and what only a store outside the process can show.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableStorageAuditTrailTests(AzuriteFixture azurite) : AuditTrailContract
{
    protected override IAuditTrail NewTrail() => OnTable(AzuriteFixture.NewTableName("audit"));

    [Fact]
    public async Task A_second_trail_on_the_same_table_reads_what_the_first_wrote_and_refuses_its_keys_as_after_a_restart()
    {
        var table = AzuriteFixture.NewTableName("auditrestart");
        var written = Entry("peering-vpc-a-vpc-b", 1, "tencent:req-1", "req-1");
        await OnTable(table).AppendAsync(written);

        var afterRestart = OnTable(table);

        Assert.Equal([written], await afterRestart.ListAsync("peering-vpc-a-vpc-b"));
        Assert.False(await afterRestart.AppendAsync(written));
    }

    [Fact]
    public async Task The_peering_is_the_partition_and_its_entries_row_keys_sort_by_time()
    {
        var table = AzuriteFixture.NewTableName("auditkeys");
        var trail = OnTable(table);
        await trail.AppendAsync(Entry("peering-vpc-a-vpc-b", 9, "late"));
        await trail.AppendAsync(Entry("peering-vpc-a-vpc-b", 1, "early"));

        var rows = new List<string>();
        await foreach (var entity in new TableClient(azurite.ConnectionString, table).QueryAsync<TableEntity>(e => e.PartitionKey == "peering-vpc-a-vpc-b"))
        {
            rows.Add(entity.RowKey);
        }

        var entries = rows.Where(r => r.StartsWith(TableStorageAuditTrail.EntryPrefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(2, entries.Count);
        Assert.EndsWith("-early", entries[0], StringComparison.Ordinal);
        Assert.EndsWith("-late", entries[1], StringComparison.Ordinal);
        Assert.Equal(2, rows.Count(r => r.StartsWith(TableStorageAuditTrail.MarkerPrefix, StringComparison.Ordinal)));
    }

    [Fact]
    public void The_audit_table_sits_beside_the_records_table_unless_named()
    {
        var options = new RegistryOptions { Store = RegistryOptions.AzureTablesStore, TableName = "hubpeerings", ConnectionString = azurite.ConnectionString };

        Assert.Equal("hubpeeringsaudit", ((TableStorageAuditTrail)RegistryRegistration.CreateAuditTrail(options)).TableName);
        Assert.Equal("trail", ((TableStorageAuditTrail)RegistryRegistration.CreateAuditTrail(new RegistryOptions
        {
            Store = RegistryOptions.AzureTablesStore, TableName = "hubpeerings", AuditTableName = "trail", ConnectionString = azurite.ConnectionString,
        })).TableName);
        Assert.IsType<InMemoryAuditTrail>(RegistryRegistration.CreateAuditTrail(new RegistryOptions()));
    }

    [Fact]
    public async Task A_store_that_cannot_be_reached_fails_with_the_table_named_and_no_connection_string()
    {
        var unreachable = azurite.ConnectionString.Replace($":{azurite.Server.TablePort}/", ":9/", StringComparison.Ordinal);
        var trail = new TableStorageAuditTrail(new TableClient(unreachable, "unreachableaudit", new TableClientOptions { Retry = { MaxRetries = 0 } }));

        var error = await Assert.ThrowsAsync<PeeringRegistryException>(() => trail.ListAsync("peering-x"));

        Assert.Contains("'unreachableaudit'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", error.Message, StringComparison.Ordinal);
    }

    private TableStorageAuditTrail OnTable(string table) =>
        (TableStorageAuditTrail)RegistryRegistration.CreateAuditTrail(new RegistryOptions
        {
            Store = RegistryOptions.AzureTablesStore,
            TableName = "unused",
            AuditTableName = table,
            ConnectionString = azurite.ConnectionString,
        });
}
