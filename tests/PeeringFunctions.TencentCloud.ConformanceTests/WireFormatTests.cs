using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.Common.Profile;
using PeeringFunctions.TencentCloud.ConformanceTests.Support;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;
using TencentVpcEmulator;

namespace PeeringFunctions.TencentCloud.ConformanceTests;

/// <summary>Bytes the two sides must agree on: non-ASCII text, characters JSON escapes, host forms in the signature.</summary>
public sealed class WireFormatTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _f;

    public WireFormatTests(EmulatorFixture fixture)
    {
        _f = fixture;
        _f.Reset();
    }

    [Theory]
    [InlineData("研发测试使用")]
    [InlineData("a+b & <c> \"quoted\" 'single' \\ slash/")]
    [InlineData("emoji-😀-tab\t-end")]
    public async Task A_peering_name_survives_signing_and_the_round_trip_byte_for_byte(string name)
    {
        var id = (await _f.Alpha().CreateVpcPeeringConnection(Scenario.AlphaToBeta(name))).PeeringConnectionId!;

        Assert.Equal(name, _f.Server.Snapshot().Peering(id)!.Name);
        Assert.Equal(name, (await _f.Beta().DescribeOneAsync(id)).PeeringConnectionName);

        var byName = await _f.Alpha().DescribeVpcPeeringConnections(new DescribeVpcPeeringConnectionsRequest
        {
            Filters = [new Filter { Name = "peering-connection-name", Values = [name] }],
        });
        Assert.Equal(id, Assert.Single(byName.PeerConnectionSet!).PeeringConnectionId);
    }

    [Fact]
    public async Task A_route_description_with_non_ascii_text_round_trips()
    {
        var pcx = await _f.ActiveAlphaToBetaAsync();

        var created = await _f.Alpha().CreateRoutes(new CreateRoutesRequest
        {
            RouteTableId = World.AlphaPeeringTable,
            Routes = [Scenario.PeeringRoute(World.BetaVpcCidr, pcx, "到 beta 的对等路由")],
        });

        Assert.Equal("到 beta 的对等路由", Assert.Single(Assert.Single(created.RouteTableSet!).RouteSet!).RouteDescription);
        Assert.Equal("到 beta 的对等路由", Assert.Single(_f.Server.Snapshot().RouteTable(World.AlphaPeeringTable)!.Routes).RouteDescription);
    }

    [Fact]
    public async Task The_signature_verifies_when_the_base_url_names_the_host_localhost()
    {
        var client = new Vpc.V20170312.VpcClient(
            new Credential(World.Alpha.SecretId, World.Alpha.SecretKey),
            World.Guangzhou,
            new ClientProfile { HttpProfile = new HttpProfile { BaseUrl = new UriBuilder(_f.Server.BaseUrl) { Host = "localhost" }.Uri } });

        var response = await client.DescribeVpcs(new DescribeVpcsRequest());

        Assert.Equal(World.AlphaVpc, Assert.Single(response.VpcSet!).VpcId);
    }

    [Fact]
    public async Task The_signature_verifies_when_the_base_url_is_a_bracketed_ipv6_loopback_literal()
    {
        TencentVpcEmulatorServer server;
        try
        {
            server = await TencentVpcEmulatorServer.StartAsync(new EmulatorOptions { Seed = World.Create(), Urls = "http://[::1]:0" });
        }
        catch (IOException)
        {
            return; // No IPv6 loopback on this machine: nothing to check.
        }

        await using (server)
        {
            Assert.Equal("[::1]", server.BaseUrl.Host);
            var client = new Vpc.V20170312.VpcClient(
                new Credential(World.Alpha.SecretId, World.Alpha.SecretKey),
                World.Guangzhou,
                new ClientProfile { HttpProfile = new HttpProfile { BaseUrl = server.BaseUrl } });

            var response = await client.DescribeVpcs(new DescribeVpcsRequest());

            Assert.Equal(World.AlphaVpc, Assert.Single(response.VpcSet!).VpcId);
        }
    }

    [Theory]
    [InlineData(ClientProfile.LanguageEnUs)]
    [InlineData(ClientProfile.LanguageZhCn)]
    public async Task A_language_preference_header_is_accepted_on_success_and_on_error(string language)
    {
        var client = new Vpc.V20170312.VpcClient(
            new Credential(World.Alpha.SecretId, World.Alpha.SecretKey),
            World.Guangzhou,
            new ClientProfile { Language = language, HttpProfile = new HttpProfile { BaseUrl = _f.Server.BaseUrl } });

        Assert.Single((await client.DescribeVpcs(new DescribeVpcsRequest())).VpcSet!);
        await Expect.ApiError(TencentErrorCodes.ResourceNotFound, () => client.DescribeVpcs(new DescribeVpcsRequest { VpcIds = ["vpc-zzzzzzzz"] }));
    }
}
