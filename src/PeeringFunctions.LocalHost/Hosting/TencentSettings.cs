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

    /// <summary>
    /// Refuses a configuration that cannot work, naming the missing keys (never printing values): the rules and
    /// messages of <see cref="TencentOptionsValidator"/>, which every host applies at start-up, checked here before
    /// anything starts so the host can say it as a <see cref="LocalHostConfigurationException"/>.
    /// </summary>
    public static void Validate(IConfiguration configuration)
    {
        var problems = TencentOptionsValidator.ProblemsOf(Bind(configuration));
        if (problems.Count > 0)
        {
            throw new LocalHostConfigurationException(TencentOptionsValidator.Describe(problems));
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
