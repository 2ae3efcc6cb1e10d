using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.Common.Profile;
using PeeringFunctions.TencentCloud.Vpc.V20170312;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

namespace PeeringFunctions.IntegrationTests.Support;

/// <summary>
/// beta acting in its own account, outside our app: a real signed VPC API call with beta's demo key pair, as beta's
/// console or tooling would make it.
/// </summary>
public static class ReceiverAccount
{
    public static async Task AcceptAsBetaAsync(Uri emulatorUrl, string region, string peeringConnectionId)
    {
        var client = new VpcClient(
            new Credential(DemoIds.BetaSecretId, DemoIds.BetaSecretKey),
            region,
            new ClientProfile { HttpProfile = new HttpProfile { BaseUrl = emulatorUrl } });
        await client.AcceptVpcPeeringConnection(new AcceptVpcPeeringConnectionRequest { PeeringConnectionId = peeringConnectionId });
    }
}
