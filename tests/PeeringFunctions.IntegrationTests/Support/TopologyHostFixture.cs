using PeeringFunctions.LocalHost.Hosting;
using PeeringFunctions.Testing.Builders;

namespace PeeringFunctions.IntegrationTests.Support;

/// <summary>
/// A local host whose emulator holds three accounts (team01…team03) and twelve VPCs (vpc-topo0000…) dealt round-robin
/// over the accounts and over ap-guangzhou and ap-shanghai, so VPC k lives in account k % 3 and region k % 2. A
/// cross-region peering activates at once, to keep the topologies quick.
/// </summary>
public sealed class TopologyHostFixture : LocalHostFixture
{
    public const int Accounts = 3;

    public static readonly string[] Regions = [DemoIds.Guangzhou, DemoIds.Shanghai];

    protected override void Configure(LocalHostOptions options)
    {
        options.Emulator!.Seed = TopologySeeds.Build(Accounts, 12, Regions);
        options.Emulator.Activation.CrossRegionDelay = TimeSpan.Zero;
    }
}
