using Microsoft.Extensions.Options;

namespace PeeringFunctions.TencentAccess.Accounts;

/// <summary>
/// The rules a "Tencent" section must meet, checked at start-up in every host (AddTencentAccess registers this with
/// ValidateOnStart; the local host also asks <see cref="ProblemsOf"/> before it starts anything). The messages name
/// the keys to fix and never print a value.
/// </summary>
public sealed class TencentOptionsValidator : IValidateOptions<TencentOptions>
{
    private const string Section = TencentOptions.SectionName;

    /// <remarks>
    /// A section with no endpoint and no account passes but for its quotas: a host may run without Tencent (the local
    /// host then fills in its embedded emulator). Once anything is set, all of it must be usable.
    /// </remarks>
    public ValidateOptionsResult Validate(string? name, TencentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = IsEmpty(options) ? QuotaProblemsOf(options.Quotas) : ProblemsOf(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(Describe(problems));
    }

    /// <summary>What is wrong with <paramref name="options"/>, one sentence a problem (none when it can be used).</summary>
    public static IReadOnlyList<string> ProblemsOf(TencentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.Accounts.Count == 0)
        {
            problems.Add($"{Section}:Accounts has no account, but {Section}:BaseUrl or {Section}:Endpoint is set. " +
                "Configure at least one account, or remove every Tencent setting to use the embedded emulator.");
        }

        foreach (var (alias, account) in options.Accounts)
        {
            var prefix = $"{Section}:Accounts:{alias}";
            if (string.IsNullOrWhiteSpace(account.Uin) || !account.Uin.Trim().All(char.IsAsciiDigit))
            {
                problems.Add($"{prefix}:Uin must be the account's numeric UIN.");
            }

            if (string.IsNullOrWhiteSpace(account.SecretId))
            {
                problems.Add($"{prefix}:SecretId is not set.");
            }

            if (string.IsNullOrWhiteSpace(account.SecretKey))
            {
                problems.Add($"{prefix}:SecretKey is not set.");
            }
        }

        if (options.BaseUrl is { } baseUrl && !baseUrl.IsAbsoluteUri)
        {
            problems.Add($"{Section}:BaseUrl must be an absolute URL.");
        }

        problems.AddRange(QuotaProblemsOf(options.Quotas));
        return problems;
    }

    /// <summary>A quota below one would refuse every request: a mistake in the setting, not a quota.</summary>
    private static List<string> QuotaProblemsOf(TencentQuotaOptions quotas)
    {
        var problems = new List<string>();
        if (quotas.LivePeeringsPerVpc < 1)
        {
            problems.Add($"{Section}:Quotas:LivePeeringsPerVpc must be at least 1 (Tencent's default is 10).");
        }

        if (quotas.RoutesPerRouteTable < 1)
        {
            problems.Add($"{Section}:Quotas:RoutesPerRouteTable must be at least 1 (Tencent's default is 200).");
        }

        return problems;
    }

    /// <summary>The one message every host gives for <paramref name="problems"/>.</summary>
    public static string Describe(IReadOnlyList<string> problems) =>
        "The Tencent configuration cannot be used: " + string.Join(" ", problems);

    private static bool IsEmpty(TencentOptions options) =>
        options.BaseUrl is null && string.IsNullOrWhiteSpace(options.Endpoint) && options.Accounts.Count == 0;
}
