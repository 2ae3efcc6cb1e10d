namespace PeeringFunctions.Registry.Tests.Support;

/// <summary>One Azurite (the test kit's, from scripts/azurite.sh) for every test that needs Table Storage; each test uses its own table.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private static int tables;

    public AzuriteServer Server { get; private set; } = null!;

    public string ConnectionString => Server.ConnectionString;

    /// <summary>A table name no other test uses (letters and digits only, as Table Storage requires).</summary>
    public static string NewTableName(string prefix) => $"{prefix}{Interlocked.Increment(ref tables)}x{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 20)];

    public async Task InitializeAsync() => Server = await AzuriteServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
