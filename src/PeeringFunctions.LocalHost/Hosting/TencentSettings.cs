using System.Globalization;
using Microsoft.Extensions.Configuration;
using PeeringFunctions.TencentCloud.Common.Profile;
using PeeringFunctions.TencentAccess.Accounts;
using TencentVpcEmulator;

namespace PeeringFunctions.LocalHost.Hosting;

/// <summary>
/// Decides which Tencent the host talks to, from the "Tencent" section the workflow binds:
/// nothing configured → the embedded emulator with the seed's accounts; otherwise exactly what is configured.
/// </summary>
public static class TencentSettings
{
    private const string Section = TencentOptions.SectionName;

    /// <summary>The approver key the local host gives a demo account of the embedded emulator (printed in the banner).</summary>
    public static string DemoApproverKey(string alias) => $"{alias}-approver-demo-key";

    /// <summary>True when any Tencent endpoint or account is configured: then the emulator is not started.</summary>
    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{Section}:BaseUrl"])
        || !string.IsNullOrWhiteSpace(configuration[$"{Section}:Endpoint"])
        || configuration.GetSection($"{Section}:Accounts").GetChildren().Any();

    /// <summary>The settings that point the workflow at an embedded emulator and its seed's accounts.</summary>
    public static IReadOnlyDictionary<string, string?> ForEmulator(Uri emulatorUrl, EmulatorSeed seed)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            [$"{Section}:BaseUrl"] = emulatorUrl.ToString(),
        };
        foreach (var account in seed.Accounts)
        {
            var prefix = $"{Section}:Accounts:{account.Name}";
            settings[$"{prefix}:Uin"] = account.Uin.ToString(CultureInfo.InvariantCulture);
            settings[$"{prefix}:SecretId"] = account.SecretId;
            settings[$"{prefix}:SecretKey"] = account.SecretKey;
            settings[$"{prefix}:ApproverKey"] = DemoApproverKey(account.Name);
        }

        return settings;
    }

    /// <summary>Refuses a configuration that cannot work, naming the missing keys (never printing values).</summary>
    public static void Validate(IConfiguration configuration)
    {
        var options = Bind(configuration);
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

        if (problems.Count > 0)
        {
            throw new LocalHostConfigurationException("The Tencent configuration cannot be used: " + string.Join(" ", problems));
        }
    }

    /// <summary>What the banner and /api/health say about the target: URL, aliases and UINs only.</summary>
    public static TencentTarget Describe(IConfiguration configuration, bool embeddedEmulator)
    {
        var options = Bind(configuration);
        var apiUrl = options.BaseUrl?.ToString()
            ?? $"https://{(string.IsNullOrWhiteSpace(options.Endpoint) ? HttpProfile.DefaultEndpoint : options.Endpoint.Trim())}/";
        var accounts = options.Accounts
            .OrderBy(a => a.Key, StringComparer.OrdinalIgnoreCase)
            .Select(a => new ManagedAccountSummary(
                a.Key,
                a.Value.Uin,
                !string.IsNullOrEmpty(a.Value.ApproverKey),
                embeddedEmulator ? a.Value.ApproverKey : null))
            .ToList();
        return new TencentTarget(embeddedEmulator, apiUrl, accounts) { IsBaseUrlOverride = options.BaseUrl is not null };
    }

    private static TencentOptions Bind(IConfiguration configuration)
    {
        var options = new TencentOptions();
        configuration.GetSection(Section).Bind(options);
        return options;
    }
}
