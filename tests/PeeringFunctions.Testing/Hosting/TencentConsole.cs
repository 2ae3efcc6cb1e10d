using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.Common.Profile;
using PeeringFunctions.TencentCloud.Vpc.V20170312;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using TencentVpcEmulator;

namespace PeeringFunctions.Testing.Hosting;

/// <summary>
/// An account of the demo seed acting in its own Tencent account, outside our app: real signed VPC API calls with
/// that account's key pair, as its console or tooling would make them.
/// </summary>
public static class TencentConsole
{
    public static VpcClient Of(Uri emulatorUrl, string account, string region) => Of(emulatorUrl, EmulatorSeed.Demo, account, region);

    /// <summary>An account of <paramref name="world"/> (a seed other than the demo one) in its own Tencent account.</summary>
    public static VpcClient Of(Uri emulatorUrl, EmulatorSeed world, string account, string region)
    {
        ArgumentNullException.ThrowIfNull(world);
        var seed = world.Accounts.Single(a => a.Name == account);
        return new VpcClient(new Credential(seed.SecretId, seed.SecretKey), region,
            new ClientProfile { HttpProfile = new HttpProfile { BaseUrl = emulatorUrl } });
    }

    public static async Task AcceptAsBetaAsync(Uri emulatorUrl, string region, string peeringConnectionId) =>
        await Of(emulatorUrl, "beta", region).AcceptVpcPeeringConnection(new AcceptVpcPeeringConnectionRequest { PeeringConnectionId = peeringConnectionId });

    public static async Task RejectAsBetaAsync(Uri emulatorUrl, string region, string peeringConnectionId) =>
        await Of(emulatorUrl, "beta", region).RejectVpcPeeringConnection(new RejectVpcPeeringConnectionRequest { PeeringConnectionId = peeringConnectionId });
}
