using System.Text.Json;
using System.Text.Json.Serialization;

namespace TencentVpcEmulator;

/// <summary>
/// The starting world of the emulator: accounts (with API keys) and their VPCs, route tables and subnets.
/// JSON shape: {"accounts":[{"name","uin","appId","secretId","secretKey"}], "vpcs":[{"account","region","vpcId",
/// "cidrBlock","assistantCidrs":[],"routeTables":[{"routeTableId","main"}],"subnets":[{"subnetId","cidrBlock","zone","routeTableId"}]}]}.
/// Extra fields are ignored; optional vpcName / routeTableName / subnetName / routes / tokens are understood.
/// </summary>
public sealed class EmulatorSeed
{
    private const string DemoResourceName = "TencentVpcEmulator.Seeds.demo.json";

    private static readonly JsonSerializerOptions ReadOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public List<SeedAccount> Accounts { get; init; } = [];

    public List<SeedVpc> Vpcs { get; init; } = [];

    /// <summary>A fresh copy of the bundled demo seed (docs/demo-ids.md).</summary>
    public static EmulatorSeed Demo
    {
        get
        {
            using var stream = typeof(EmulatorSeed).Assembly.GetManifestResourceStream(DemoResourceName)
                ?? throw new InvalidOperationException($"Embedded resource {DemoResourceName} is missing.");
            using var reader = new StreamReader(stream);
            return Parse(reader.ReadToEnd(), "demo seed");
        }
    }

    /// <summary>Reads and validates a seed file; errors name the file and the bad entry.</summary>
    public static EmulatorSeed Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses and validates seed JSON.</summary>
    public static EmulatorSeed Parse(string json, string sourceName = "seed")
    {
        EmulatorSeed? seed;
        try
        {
            seed = JsonSerializer.Deserialize<EmulatorSeed>(json, ReadOptions);
        }
        catch (JsonException ex)
        {
            throw new SeedValidationException($"{sourceName}: not a valid seed document: {ex.Message}", ex);
        }

        if (seed is null)
        {
            throw new SeedValidationException($"{sourceName}: the document is empty (null).");
        }

        SeedValidator.Validate(seed, sourceName);
        return seed;
    }

    /// <summary>Checks the seed for consistency; throws <see cref="SeedValidationException"/> naming the first bad entry.</summary>
    public void Validate(string sourceName = "seed") => SeedValidator.Validate(this, sourceName);
}

/// <summary>An account: its root UIN, AppId and one long-term API key pair.</summary>
public sealed class SeedAccount
{
    public string Name { get; init; } = "";

    public long Uin { get; init; }

    public long AppId { get; init; }

    public string SecretId { get; init; } = "";

    public string SecretKey { get; init; } = "";

    /// <summary>Optional session tokens: when non-empty, a request that carries X-TC-Token must use one of them.</summary>
    public List<string>? Tokens { get; init; }

    /// <summary>Never prints the secret key.</summary>
    public override string ToString() => $"{Name} (uin {Uin}, secretId {SecretId})";
}

public sealed class SeedVpc
{
    public string Account { get; init; } = "";

    public string Region { get; init; } = "";

    public string VpcId { get; init; } = "";

    public string? VpcName { get; init; }

    public string CidrBlock { get; init; } = "";

    public List<string>? AssistantCidrs { get; init; } = [];

    public List<SeedRouteTable>? RouteTables { get; init; } = [];

    public List<SeedSubnet>? Subnets { get; init; } = [];
}

public sealed class SeedRouteTable
{
    public string RouteTableId { get; init; } = "";

    public string? RouteTableName { get; init; }

    public bool Main { get; init; }

    public List<SeedRoute>? Routes { get; init; }
}

public sealed class SeedRoute
{
    public string DestinationCidrBlock { get; init; } = "";

    public string GatewayType { get; init; } = "";

    public string GatewayId { get; init; } = "";

    public string? RouteDescription { get; init; }

    public bool Enabled { get; init; } = true;

    /// <summary>Optional fixed rti- ID; generated when absent.</summary>
    public string? RouteItemId { get; init; }
}

public sealed class SeedSubnet
{
    public string SubnetId { get; init; } = "";

    public string? SubnetName { get; init; }

    public string CidrBlock { get; init; } = "";

    public string Zone { get; init; } = "";

    public string RouteTableId { get; init; } = "";
}

/// <summary>The seed document is inconsistent; the message names the entry.</summary>
public sealed class SeedValidationException : Exception
{
    public SeedValidationException(string message)
        : base(message)
    {
    }

    public SeedValidationException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
