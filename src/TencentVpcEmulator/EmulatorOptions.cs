using Microsoft.Extensions.Logging;

namespace TencentVpcEmulator;

/// <summary>How to start a <see cref="TencentVpcEmulatorServer"/>.</summary>
public sealed class EmulatorOptions
{
    /// <summary>The starting world. When null, <see cref="SeedPath"/> is loaded, else the bundled demo seed.</summary>
    public EmulatorSeed? Seed { get; set; }

    /// <summary>Seed file to load when <see cref="Seed"/> is null.</summary>
    public string? SeedPath { get; set; }

    /// <summary>Kestrel URLs (';'-separated). Loopback only; port 0 picks a free port (see <see cref="TencentVpcEmulatorServer.BaseUrl"/>).</summary>
    public string Urls { get; set; } = "http://127.0.0.1:0";

    /// <summary>How long a PENDING cross-account request lives before it becomes EXPIRED (Tencent: 7 days).</summary>
    public TimeSpan PendingExpiry { get; set; } = TimeSpan.FromDays(7);

    /// <summary>False (default): a same-account peering is ACTIVE at once; true: it waits in PENDING like a cross-account one.</summary>
    public bool SameAccountPeeringNeedsAcceptance { get; set; }

    /// <summary>Base clock (default: system time). /_emulator/clock adds an offset on top of it.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>
    /// At most this many items in one page of a Describe action, whatever Limit asked for (action name → cap). Empty
    /// by default: API 3.0 documents Limit up to 100 and no smaller cap, while the legacy API capped
    /// DescribeVpcPeeringConnections at 50, so a client must not take a short page for the last one.
    /// </summary>
    public Dictionary<string, int> PageCaps { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// True (default, as Tencent documents it): deleting a peering deletes the route entries that use it, on both sides.
    /// False keeps them, pointing at a DELETED peering.
    /// </summary>
    public bool DeletePeeringRemovesRoutes { get; set; } = true;

    /// <summary>How long an accepted peering stays PENDING before it turns ACTIVE (default: 2 s cross-region, instant within a region).</summary>
    public ActivationOptions Activation { get; set; } = new();

    /// <summary>
    /// True (default, as Tencent documents it): a cross-region peering needs a bandwidth cap, so CreateVpcPeeringConnection
    /// across regions without Bandwidth (or with Bandwidth 0) is InvalidParameterValue.Combination. False accepts it uncapped.
    /// </summary>
    public bool CrossRegionPeeringNeedsBandwidth { get; set; } = true;

    /// <summary>The highest cross-region bandwidth cap in Mbps (Tencent's Use Limits page: 5 Gbps).</summary>
    public long MaxCrossRegionBandwidthMbps { get; set; } = 5000;

    /// <summary>
    /// Live (PENDING or ACTIVE) peerings one VPC may have, counting both ends (Tencent's Use Limits page: 10 per VPC);
    /// one more is LimitExceeded.VpcPeerAvaLimitExceeded.
    /// </summary>
    public int MaxLivePeeringsPerVpc { get; set; } = 10;

    /// <summary>
    /// Route entries one route table holds (Tencent's default quota, 200 per table); a CreateRoutes batch that would pass
    /// it is LimitExceeded as a whole and adds nothing.
    /// </summary>
    public int MaxRoutesPerRouteTable { get; set; } = 200;

    /// <summary>
    /// True (default, as the official example shows it): DescribeVpcPeeringConnections gives a cross-account request
    /// that is still PENDING without PeerVpcId and DestinationVpcId, to either account. False names the peer VPC always.
    /// </summary>
    public bool PendingRequestHidesPeerVpc { get; set; } = true;

    /// <summary>
    /// At most this many values in one filter of a Describe action (Filters.N.Values); more is
    /// InvalidParameterValue.LimitExceeded. Tencent documents no cap for the VPC actions; 100 is the cap it documents for
    /// the id lists (VpcIds, SubnetIds) the filters stand in for, so a client that batches by 100 works either way.
    /// Null: no cap.
    /// </summary>
    public int? MaxValuesPerFilter { get; set; } = 100;

    /// <summary>
    /// Assistant (secondary) CIDRs one VPC may have; the control API refuses one more. Tencent's VPC quota page: 5.
    /// </summary>
    public int MaxAssistantCidrsPerVpc { get; set; } = 5;

    /// <summary>Enforce the per-action, per-account req/s limits of spec §6 from the start.</summary>
    public bool EnforceRateLimits { get; set; }

    /// <summary>Seeds the fault-injection dice and the ID generator, for reproducible runs.</summary>
    public int? RandomSeed { get; set; }

    /// <summary>Console log level; quiet (Warning) by default.</summary>
    public LogLevel MinimumLogLevel { get; set; } = LogLevel.Warning;

    /// <summary>A quota below one would refuse everything: a mistake, not a behaviour.</summary>
    internal void Validate()
    {
        Positive(MaxCrossRegionBandwidthMbps, nameof(MaxCrossRegionBandwidthMbps));
        Positive(MaxLivePeeringsPerVpc, nameof(MaxLivePeeringsPerVpc));
        Positive(MaxRoutesPerRouteTable, nameof(MaxRoutesPerRouteTable));
        Positive(MaxValuesPerFilter ?? 1, nameof(MaxValuesPerFilter));
        Positive(MaxAssistantCidrsPerVpc, nameof(MaxAssistantCidrsPerVpc));

        static void Positive(long value, string name)
        {
            if (value < 1)
            {
                throw new ArgumentOutOfRangeException(name, value, $"EmulatorOptions.{name} must be at least 1.");
            }
        }
    }

    internal EmulatorSeed ResolveSeed() => Seed ?? (SeedPath is { } path ? EmulatorSeed.Load(path) : EmulatorSeed.Demo);
}
