namespace PeeringFunctions.Registry.Audit;

/// <summary>What every store requires of an entry, and the one order every store lists in.</summary>
public static class AuditEntryRules
{
    /// <summary>A key's limit: with the time in front it must fit a Table Storage row key (512 characters once escaped).</summary>
    public const int MaxKeyLength = 200;

    /// <summary>A summary longer than this is cut (a verification's problems can run long; a table property holds 32 K characters).</summary>
    public const int MaxSummaryLength = 4000;

    /// <summary>The entry as stored: checked, its summary cut to <see cref="MaxSummaryLength"/>.</summary>
    public static AuditEntry Fit(AuditEntry entry)
    {
        Check(entry);
        return entry.Summary.Length <= MaxSummaryLength ? entry : entry with { Summary = entry.Summary[..(MaxSummaryLength - 1)] + "…" };
    }

    /// <exception cref="ArgumentException">The entry lacks its peering id, kind, actor, channel, summary or key, or its key is too long.</exception>
    public static void Check(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Require(entry.PeeringId, nameof(AuditEntry.PeeringId));
        Require(entry.Kind, nameof(AuditEntry.Kind));
        Require(entry.Actor, nameof(AuditEntry.Actor));
        Require(entry.Channel, nameof(AuditEntry.Channel));
        Require(entry.Summary, nameof(AuditEntry.Summary));
        Require(entry.Key, nameof(AuditEntry.Key));
        if (entry.Key.Length > MaxKeyLength)
        {
            throw new ArgumentException($"An audit entry's key must be at most {MaxKeyLength} characters; this one is {entry.Key.Length}.", nameof(entry));
        }
    }

    public static IReadOnlyList<AuditEntry> InOrder(IEnumerable<AuditEntry> entries) =>
        [.. entries.OrderBy(e => e.At.UtcTicks).ThenBy(e => e.Key, StringComparer.Ordinal)];

    private static void Require(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"An audit entry needs a {field}.", field);
        }
    }
}
