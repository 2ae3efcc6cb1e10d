using System.Net;
using System.Text;
using System.Text.Json;
using TencentVpcEmulator.Tests.Support;

namespace TencentVpcEmulator.Tests;

/// <summary>
/// Activation is not instant: an accepted peering stays PENDING while Tencent's activation task runs (by default a
/// short while across regions, none within one), and the task may end FAILED.
/// </summary>
public class ActivationTests
{
    private static readonly object AlphaToBetaGuangzhou = new
    {
        SourceVpcId = Demo.AlphaVpc,
        PeeringConnectionName = "same-region",
        DestinationVpcId = Demo.BetaGuangzhouVpc,
        DestinationUin = Demo.BetaUin,
        DestinationRegion = Demo.Guangzhou,
    };

    private static async Task<string> StateAsync(Emulator emu, string id) => (await emu.DescribePeeringAsAlpha(id)).Str("State");

    private static async Task<string> AcceptedAsync(Emulator emu)
    {
        var id = await emu.CreateAlphaToBetaAsync();
        Api.Ok(await emu.Beta("AcceptVpcPeeringConnection", new { PeeringConnectionId = id }));
        return id;
    }

    private static async Task<HttpResponseMessage> PutActivationAsync(Emulator emu, string body) =>
        await emu.Http.PutAsync("/_emulator/activation", new StringContent(body, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task An_accepted_cross_region_peering_stays_pending_for_two_seconds_of_emulator_time_then_turns_active()
    {
        await using var emu = await Emulator.StartAsync();
        var id = await AcceptedAsync(emu);

        Assert.Equal("PENDING", await StateAsync(emu, id));
        emu.Server.AdvanceClock(TimeSpan.FromSeconds(1.5));
        Assert.Equal("PENDING", await StateAsync(emu, id));
        emu.Server.AdvanceClock(TimeSpan.FromSeconds(0.5));
        Assert.Equal("ACTIVE", await StateAsync(emu, id));
        Assert.Equal("ACTIVE", emu.Server.Snapshot().Peering(id)!.State);
    }

    [Fact]
    public async Task An_accepted_peering_within_one_region_is_active_at_once()
    {
        await using var emu = await Emulator.StartAsync();
        var id = Api.Ok(await emu.Alpha("CreateVpcPeeringConnection", AlphaToBetaGuangzhou)).Str("PeeringConnectionId");

        Api.Ok(await emu.Beta("AcceptVpcPeeringConnection", new { PeeringConnectionId = id }, Demo.Guangzhou));

        Assert.Equal("ACTIVE", await StateAsync(emu, id));
    }

    [Fact]
    public async Task While_it_activates_it_cannot_be_answered_again_deleted_or_routed_to_and_does_not_expire()
    {
        await using var emu = await Emulator.StartAsync(o => o.PendingExpiry = TimeSpan.FromSeconds(10));
        emu.Server.ConfigureActivation(new ActivationOptions { CrossRegionDelay = TimeSpan.FromSeconds(30) });
        var id = await AcceptedAsync(emu);
        emu.Server.AdvanceClock(TimeSpan.FromSeconds(20));

        Api.Error(await emu.Beta("AcceptVpcPeeringConnection", new { PeeringConnectionId = id }), "UnsupportedOperation.VpcPeerInvalidStateChange");
        Api.Error(await emu.Beta("RejectVpcPeeringConnection", new { PeeringConnectionId = id }), "UnsupportedOperation.VpcPeerInvalidStateChange");
        Api.Error(await emu.Alpha("DeleteVpcPeeringConnection", new { PeeringConnectionId = id }), "UnsupportedOperation.MutexOperationTaskRunning");
        Api.Error(await emu.Alpha("CreateRoutes", new
        {
            RouteTableId = Demo.AlphaPeeringTable,
            Routes = new[] { new { DestinationCidrBlock = "172.16.0.0/16", GatewayType = "PEERCONNECTION", GatewayId = id } },
        }), "InvalidParameterValue.RouteNextHopInvalid");
        Assert.Equal("PENDING", await StateAsync(emu, id));

        emu.Server.AdvanceClock(TimeSpan.FromSeconds(10));
        Assert.Equal("ACTIVE", await StateAsync(emu, id));
        Api.Ok(await emu.Alpha("DeleteVpcPeeringConnection", new { PeeringConnectionId = id }));
    }

    [Fact]
    public async Task An_injected_failure_ends_the_next_activation_failed_and_a_failed_peering_can_be_deleted()
    {
        await using var emu = await Emulator.StartAsync();
        using (var response = await PutActivationAsync(emu, """{"failNext":1}"""))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var failed = await AcceptedAsync(emu);
        emu.Server.AdvanceClock(TimeSpan.FromSeconds(2));
        Assert.Equal("FAILED", await StateAsync(emu, failed));
        Assert.Equal(0, emu.Server.Activation().FailNext);
        Api.Error(await emu.Alpha("CreateRoutes", new
        {
            RouteTableId = Demo.AlphaPeeringTable,
            Routes = new[] { new { DestinationCidrBlock = "172.16.0.0/16", GatewayType = "PEERCONNECTION", GatewayId = failed } },
        }), "InvalidParameterValue.RouteNextHopInvalid");

        Api.Ok(await emu.Alpha("DeleteVpcPeeringConnection", new { PeeringConnectionId = failed }));
        Assert.Equal("DELETED", await StateAsync(emu, failed));
        // Only the next one failed: the pair can be peered again, and that activation succeeds.
        var next = await AcceptedAsync(emu);
        emu.Server.AdvanceClock(TimeSpan.FromSeconds(2));
        Assert.Equal("ACTIVE", await StateAsync(emu, next));
    }

    [Fact]
    public async Task The_control_api_sets_delays_per_region_pair_shows_them_and_reset_restores_the_defaults()
    {
        await using var emu = await Emulator.StartAsync();
        using (var response = await PutActivationAsync(emu, """{"crossRegionSeconds":5,"byRegionPair":{"ap-guangzhou>ap-shanghai":60}}"""))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using var shown = JsonDocument.Parse(await emu.Http.GetStringAsync("/_emulator/activation"));
        Assert.Equal(5, shown.RootElement.GetProperty("crossRegionSeconds").GetDouble());
        Assert.Equal(0, shown.RootElement.GetProperty("intraRegionSeconds").GetDouble());
        Assert.Equal(60, shown.RootElement.GetProperty("byRegionPair").GetProperty("ap-guangzhou>ap-shanghai").GetDouble());

        var id = await AcceptedAsync(emu);
        emu.Server.AdvanceClock(TimeSpan.FromSeconds(59));
        Assert.Equal("PENDING", await StateAsync(emu, id));
        emu.Server.AdvanceClock(TimeSpan.FromSeconds(1));
        Assert.Equal("ACTIVE", await StateAsync(emu, id));

        emu.Server.Reset();
        var reset = emu.Server.Activation();
        Assert.Equal((2.0, 0.0, 0), (reset.CrossRegionSeconds, reset.IntraRegionSeconds, reset.FailNext));
        Assert.Empty(reset.ByRegionPair);
    }

    [Theory]
    [InlineData("""{"crossRegionSeconds":-1}""")]
    [InlineData("""{"byRegionPair":{"ap-guangzhou":5}}""")]
    [InlineData("""{"failNext":-2}""")]
    [InlineData("""not json""")]
    public async Task A_bad_activation_setting_is_refused_with_400_and_changes_nothing(string body)
    {
        await using var emu = await Emulator.StartAsync();
        var before = emu.Server.Activation();

        using var response = await PutActivationAsync(emu, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("crossRegionSeconds", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((before.CrossRegionSeconds, before.IntraRegionSeconds, before.FailNext),
            (emu.Server.Activation().CrossRegionSeconds, emu.Server.Activation().IntraRegionSeconds, emu.Server.Activation().FailNext));
    }
}
