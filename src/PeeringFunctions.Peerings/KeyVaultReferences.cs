namespace PeeringFunctions.Peerings;

/// <summary>Secrets configured as Key Vault references (@Microsoft.KeyVault(...)).</summary>
public static class KeyVaultReferences
{
    /// <summary>
    /// App Service passes a Key Vault reference it could not resolve to the app as its literal text; that text is
    /// readable in the templates and must never work as a key.
    /// </summary>
    public static bool IsUnresolved(string? value) =>
        value is not null && value.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase);
}
