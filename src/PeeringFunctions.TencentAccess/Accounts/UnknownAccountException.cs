namespace PeeringFunctions.TencentAccess.Accounts;

/// <summary>An account alias that is not configured. Permanent: retrying cannot help.</summary>
public sealed class UnknownAccountException(string account)
    : Exception($"Account '{account}' is not configured (Tencent:Accounts:{account}).")
{
    public string Account { get; } = account;
}
