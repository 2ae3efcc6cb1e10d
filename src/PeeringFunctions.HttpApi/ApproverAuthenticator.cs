using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using PeeringFunctions.Peerings;
using PeeringFunctions.TencentAccess.Accounts;

namespace PeeringFunctions.HttpApi;

/// <summary>
/// Checks that an accept/reject comes from the receiver account's approvers: a bearer key configured per managed
/// account (Tencent:Accounts:{alias}:ApproverKey), compared in constant time. The portal's key grants nothing here.
/// </summary>
public sealed class ApproverAuthenticator(IOptionsMonitor<TencentOptions> options)
{
    public enum Verdict
    {
        Allowed,
        MissingCredential,
        Forbidden,
    }

    private const string Scheme = "Bearer ";

    /// <summary>Whether the header presents a bearer key at all (checked before anything is looked up).</summary>
    public static bool PresentsKey(string? authorizationHeader) =>
        authorizationHeader is not null && authorizationHeader.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
        && authorizationHeader.Length > Scheme.Length;

    public Verdict Check(string? authorizationHeader, string? receiverAccount)
    {
        if (!PresentsKey(authorizationHeader))
        {
            return Verdict.MissingCredential;
        }

        if (receiverAccount is null
            || !options.CurrentValue.Accounts.TryGetValue(receiverAccount, out var account)
            || string.IsNullOrEmpty(account.ApproverKey)
            || KeyVaultReferences.IsUnresolved(account.ApproverKey))
        {
            return Verdict.Forbidden;
        }

        // Hash both so the comparison takes the same time whatever the lengths.
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(authorizationHeader![Scheme.Length..].Trim()));
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(account.ApproverKey));
        return CryptographicOperations.FixedTimeEquals(presented, expected) ? Verdict.Allowed : Verdict.Forbidden;
    }
}
