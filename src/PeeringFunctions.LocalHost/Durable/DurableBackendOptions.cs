using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace PeeringFunctions.LocalHost.Durable;

/// <summary>Where the local host's Durable engine keeps its orchestrations.</summary>
public enum DurableBackendKind
{
    /// <summary>The default: in the process's memory; everything ends with the process.</summary>
    InMemory,

    /// <summary>
    /// The Durable Task Framework's Azure Storage backend (queues, tables, blobs) — the engine family the Functions
    /// app runs on in Azure — against Azurite or a real storage account. Orchestrations survive a killed host.
    /// </summary>
    AzureStorage,
}

/// <summary>
/// The backend choice and its settings, read from configuration: <c>Durable:Backend</c> (InMemory | AzureStorage, or
/// <c>--durable-backend azurestorage</c> on the command line), <c>Durable:StorageConnectionString</c> (default
/// UseDevelopmentStorage=true, i.e. Azurite on its default ports), <c>Durable:TaskHubName</c>,
/// <c>Durable:VisibilityTimeout</c>, <c>Durable:PollingInterval</c> and <c>Durable:PartitionCount</c>.
/// </summary>
public sealed class DurableBackendOptions
{
    public const string SectionName = "Durable";

    /// <summary>The command-line switch's key: <c>--durable-backend azurestorage</c>.</summary>
    public const string CommandLineKey = "durable-backend";

    public const string DevelopmentStorage = "UseDevelopmentStorage=true";

    public const string DefaultTaskHubName = "PeeringLocalHost";

    /// <summary>The in-memory default.</summary>
    public static DurableBackendOptions InMemory => new();

    public DurableBackendKind Kind { get; init; } = DurableBackendKind.InMemory;

    /// <summary>Azure Storage connection string (a secret for a real account: keep it in user secrets or the environment).</summary>
    public string StorageConnectionString { get; init; } = DevelopmentStorage;

    /// <summary>Groups the queues, tables and blob containers of one hub; 3–45 letters and digits, starting with a letter.</summary>
    public string TaskHubName { get; init; } = DefaultTaskHubName;

    /// <summary>
    /// How long a dequeued message stays invisible to others. After a crash, work the dead process had taken is
    /// redone once this has passed, so it bounds how long a restarted host waits; it must exceed the longest
    /// single orchestration episode or activity (ours take well under a second). The backend's own default is 5 minutes.
    /// </summary>
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait between two polls of an empty queue (the backend backs off up to this).</summary>
    public TimeSpan PollingInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Control-queue partitions; one is plenty for a single local process.</summary>
    public int PartitionCount { get; init; } = 1;

    /// <summary>What the banner and health endpoint may say about it: never the connection string.</summary>
    public string Describe() => Kind == DurableBackendKind.AzureStorage
        ? $"Azure Storage (task hub {TaskHubName}; survives restarts)"
        : "in memory (state ends with the process)";

    /// <summary>Reads <c>Durable:*</c> (and <c>durable-backend</c> from the command line); in memory when nothing is set.</summary>
    /// <exception cref="Hosting.LocalHostConfigurationException">A value is set but cannot be used; the message names the key.</exception>
    public static DurableBackendOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var kindText = configuration[CommandLineKey] is { Length: > 0 } fromSwitch ? fromSwitch : section["Backend"];
        var kind = DurableBackendKind.InMemory;
        if (!string.IsNullOrWhiteSpace(kindText))
        {
            kind = kindText.Trim().ToUpperInvariant() switch
            {
                "INMEMORY" or "MEMORY" => DurableBackendKind.InMemory,
                "AZURESTORAGE" or "AZURE-STORAGE" or "AZURITE" => DurableBackendKind.AzureStorage,
                _ => throw new Hosting.LocalHostConfigurationException(
                    $"{SectionName}:Backend (or --{CommandLineKey}) must be InMemory or AzureStorage."),
            };
        }

        var hub = section["TaskHubName"] is { Length: > 0 } hubText ? hubText.Trim() : DefaultTaskHubName;
        if (hub.Length is < 3 or > 45 || !char.IsAsciiLetter(hub[0]) || !hub.All(char.IsAsciiLetterOrDigit))
        {
            throw new Hosting.LocalHostConfigurationException(
                $"{SectionName}:TaskHubName must be 3 to 45 letters and digits, starting with a letter.");
        }

        return new DurableBackendOptions
        {
            Kind = kind,
            StorageConnectionString = section["StorageConnectionString"] is { Length: > 0 } connection ? connection.Trim() : DevelopmentStorage,
            TaskHubName = hub,
            VisibilityTimeout = Duration(section, "VisibilityTimeout", TimeSpan.FromSeconds(30)),
            PollingInterval = Duration(section, "PollingInterval", TimeSpan.FromSeconds(1)),
            PartitionCount = section["PartitionCount"] is { Length: > 0 } count
                && int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var partitions) && partitions is >= 1 and <= 16
                    ? partitions
                    : section["PartitionCount"] is { Length: > 0 }
                        ? throw new Hosting.LocalHostConfigurationException($"{SectionName}:PartitionCount must be a whole number from 1 to 16.")
                        : 1,
        };
    }

    private static TimeSpan Duration(IConfigurationSection section, string key, TimeSpan fallback)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero && value <= TimeSpan.FromHours(1)
            ? value
            : throw new Hosting.LocalHostConfigurationException($"{SectionName}:{key} must be a positive time span such as 00:00:30 (at most an hour).");
    }
}
