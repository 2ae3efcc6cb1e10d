using PeeringFunctions.LocalHost.Hosting;

namespace PeeringFunctions.IntegrationTests.Support;

/// <summary>
/// A local host where Tencent allows one live peering per VPC: the embedded emulator and the app's
/// "Tencent:Quotas:LivePeeringsPerVpc" agree, so one console call fills a VPC (the demo seed has too few VPCs to
/// reach Tencent's default of 10).
/// </summary>
public sealed class OnePeeringPerVpcHostFixture : LocalHostFixture
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("Tencent:Quotas:LivePeeringsPerVpc", "1")];

    protected override void Configure(LocalHostOptions options) => options.Emulator!.MaxLivePeeringsPerVpc = 1;
}
