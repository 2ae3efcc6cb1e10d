using TencentVpcEmulator.Tests.Support;

namespace TencentVpcEmulator.Tests;

/// <summary>ModifyVpcPeeringConnection on a live peering (spec §4.5): who may change what, and within which limits.</summary>
public class PeeringModifyTests
{
    /// <summary>alpha (gz) → beta (sh) at 100 Mbps, accepted: cross-region and cross-account.</summary>
    private static async Task<string> ActiveCrossRegionAsync(Emulator emu)
    {
        var id = Api.Ok(await emu.Alpha("CreateVpcPeeringConnection", new
        {
            SourceVpcId = Demo.AlphaVpc,
            PeeringConnectionName = "cross-region",
            DestinationVpcId = Demo.BetaVpc,
            DestinationUin = Demo.BetaUin,
            DestinationRegion = Demo.Shanghai,
            Bandwidth = 100,
            ChargeType = "POSTPAID_BY_DAY_MAX",
        })).Str("PeeringConnectionId");
        Api.Ok(await emu.Beta("AcceptVpcPeeringConnection", new { PeeringConnectionId = id }));
        emu.Server.AdvanceClock(TimeSpan.FromSeconds(emu.Server.Activation().CrossRegionSeconds)); // activated
        return id;
    }

    /// <summary>alpha (gz) → beta's gz VPC, accepted: intra-region.</summary>
    private static async Task<string> ActiveIntraRegionAsync(Emulator emu)
    {
        var id = Api.Ok(await emu.Alpha("CreateVpcPeeringConnection", new
        {
            SourceVpcId = Demo.AlphaVpc,
            PeeringConnectionName = "intra-region",
            DestinationVpcId = Demo.BetaGuangzhouVpc,
            DestinationUin = Demo.BetaUin,
            DestinationRegion = Demo.Guangzhou,
        })).Str("PeeringConnectionId");
        Api.Ok(await emu.Beta("AcceptVpcPeeringConnection", new { PeeringConnectionId = id }, Demo.Guangzhou));
        return id;
    }

    [Fact]
    public async Task The_initiator_changes_a_cross_region_peerings_bandwidth_and_charge_type_and_describe_shows_them()
    {
        await using var emu = await Emulator.StartAsync();
        var id = await ActiveCrossRegionAsync(emu);

        Api.Ok(await emu.Alpha("ModifyVpcPeeringConnection", new { PeeringConnectionId = id, Bandwidth = 500, ChargeType = "POSTPAID_BY_MONTH_95" }));

        var described = await emu.DescribePeeringAsAlpha(id);
        Assert.Equal(500, described.GetProperty("Bandwidth").GetInt64());
        Assert.Equal("POSTPAID_BY_MONTH_95", described.Str("ChargeType"));
        Assert.Equal("cross-region", described.Str("PeeringConnectionName"));
        Assert.Equal(500, emu.Server.Snapshot().Peering(id)!.Bandwidth);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(5001)]
    public async Task A_bandwidth_outside_1_to_5000_Mbps_is_invalid_parameter_value_and_changes_nothing(long mbps)
    {
        await using var emu = await Emulator.StartAsync();
        var id = await ActiveCrossRegionAsync(emu);

        var message = Api.Error(await emu.Alpha("ModifyVpcPeeringConnection", new { PeeringConnectionId = id, Bandwidth = mbps }), "InvalidParameterValue");

        Assert.Contains("5000", message, StringComparison.Ordinal);
        Assert.Equal(100, emu.Server.Snapshot().Peering(id)!.Bandwidth);
    }

    [Fact]
    public async Task The_5_Gbps_cap_itself_is_accepted()
    {
        await using var emu = await Emulator.StartAsync();
        var id = await ActiveCrossRegionAsync(emu);

        Api.Ok(await emu.Alpha("ModifyVpcPeeringConnection", new { PeeringConnectionId = id, Bandwidth = 5000 }));

        Assert.Equal(5000, emu.Server.Snapshot().Peering(id)!.Bandwidth);
    }

    [Fact]
    public async Task A_bandwidth_or_charge_type_on_an_intra_region_peering_is_an_illegal_combination()
    {
        await using var emu = await Emulator.StartAsync();
        var id = await ActiveIntraRegionAsync(emu);

        Api.Error(await emu.Alpha("ModifyVpcPeeringConnection", new { PeeringConnectionId = id, Bandwidth = 100 }), "InvalidParameterValue.Combination");
        Api.Error(await emu.Alpha("ModifyVpcPeeringConnection", new { PeeringConnectionId = id, ChargeType = "POSTPAID_BY_DAY_MAX" }), "InvalidParameterValue.Combination");

        Assert.Equal(0, emu.Server.Snapshot().Peering(id)!.Bandwidth);
    }

    [Fact]
    public async Task The_receiver_may_rename_but_not_change_what_the_initiator_is_billed()
    {
        await using var emu = await Emulator.StartAsync();
        var id = await ActiveCrossRegionAsync(emu);

        Api.Error(await emu.Beta("ModifyVpcPeeringConnection", new { PeeringConnectionId = id, Bandwidth = 200 }), "UnsupportedOperation");
        Api.Ok(await emu.Beta("ModifyVpcPeeringConnection", new { PeeringConnectionId = id, PeeringConnectionName = "named-by-beta" }));

        var held = emu.Server.Snapshot().Peering(id)!;
        Assert.Equal(100, held.Bandwidth);
        Assert.Equal("named-by-beta", held.Name);
    }

    [Fact]
    public async Task An_unknown_charge_type_is_invalid_parameter_value()
    {
        await using var emu = await Emulator.StartAsync();
        var id = await ActiveCrossRegionAsync(emu);

        Api.Error(await emu.Alpha("ModifyVpcPeeringConnection", new { PeeringConnectionId = id, ChargeType = "PREPAID" }), "InvalidParameterValue");

        Assert.Equal("POSTPAID_BY_DAY_MAX", emu.Server.Snapshot().Peering(id)!.ChargeType);
    }

    [Fact]
    public async Task A_name_that_is_empty_or_longer_than_60_characters_is_refused_with_codes_of_modifys_own_list()
    {
        await using var emu = await Emulator.StartAsync();
        var id = await ActiveCrossRegionAsync(emu);

        Api.Error(await emu.Alpha("ModifyVpcPeeringConnection", new { PeeringConnectionId = id, PeeringConnectionName = " " }), "InvalidParameterValue.Empty");
        Api.Error(await emu.Alpha("ModifyVpcPeeringConnection", new { PeeringConnectionId = id, PeeringConnectionName = new string('n', 61) }), "InvalidParameterValue");

        Assert.Equal("cross-region", emu.Server.Snapshot().Peering(id)!.Name);
    }

    [Fact]
    public async Task A_rejected_peering_cannot_be_modified_and_a_deleted_one_is_not_found()
    {
        await using var emu = await Emulator.StartAsync();
        var rejected = Api.Ok(await emu.Alpha("CreateVpcPeeringConnection", new
        {
            SourceVpcId = Demo.AlphaVpc,
            PeeringConnectionName = "to-reject",
            DestinationVpcId = Demo.BetaVpc,
            DestinationUin = Demo.BetaUin,
            DestinationRegion = Demo.Shanghai,
            Bandwidth = 100,
        })).Str("PeeringConnectionId");
        Api.Ok(await emu.Beta("RejectVpcPeeringConnection", new { PeeringConnectionId = rejected }));
        Api.Error(await emu.Alpha("ModifyVpcPeeringConnection", new { PeeringConnectionId = rejected, Bandwidth = 200 }), "UnsupportedOperation");

        var deleted = await ActiveCrossRegionAsync(emu);
        Api.Ok(await emu.Alpha("DeleteVpcPeeringConnection", new { PeeringConnectionId = deleted }));
        Api.Error(await emu.Alpha("ModifyVpcPeeringConnection", new { PeeringConnectionId = deleted, Bandwidth = 200 }), "ResourceNotFound");
    }

    [Fact]
    public async Task A_modify_counts_as_a_write()
    {
        await using var emu = await Emulator.StartAsync();
        var id = await ActiveCrossRegionAsync(emu);
        emu.Server.ResetCalls();

        Api.Ok(await emu.Alpha("ModifyVpcPeeringConnection", new { PeeringConnectionId = id, Bandwidth = 200 }));

        Assert.Equal(1, emu.Server.Calls().ForAction("ModifyVpcPeeringConnection").Writes);
    }
}
