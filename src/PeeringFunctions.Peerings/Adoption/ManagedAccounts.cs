using System.Globalization;
using PeeringFunctions.TencentAccess.Accounts;

namespace PeeringFunctions.Peerings.Adoption;

/// <summary>Which configured account owns a side Tencent names by UIN: how a peering's side is known to be ours.</summary>
internal sealed class ManagedAccounts(TencentOptions options)
{
    public IReadOnlyList<string> Aliases { get; } = [.. options.Accounts.Keys.Order(StringComparer.OrdinalIgnoreCase)];

    /// <summary>
    /// The alias owning <paramref name="uin"/>, or null when no configured account has it. Two aliases of one account:
    /// <paramref name="preferred"/> when it is one of them, else the first by name (the same every time).
    /// </summary>
    public string? AliasOf(long? uin, string? preferred = null)
    {
        if (uin is not { } number)
        {
            return null;
        }

        var text = number.ToString(CultureInfo.InvariantCulture);
        var owners = Aliases.Where(alias => options.Accounts[alias].Uin.Trim() == text).ToList();
        return owners.FirstOrDefault(a => string.Equals(a, preferred, StringComparison.OrdinalIgnoreCase)) ?? owners.FirstOrDefault();
    }
}
