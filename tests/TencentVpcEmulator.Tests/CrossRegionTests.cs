using TencentVpcEmulator.Tests.Support;

namespace TencentVpcEmulator.Tests;

/// <summary>Cross-region bandwidth and charge rules of CreateVpcPeeringConnection (spec §4.1, §4.7; Use Limits 553/18830).</summary>
public class CrossRegionTests
{
    /// <summary>alpha (gz) → beta (sh): across regions.</summary>
    private static object AlphaToBeta(long? bandwidth) => bandwidth is { } mbps
        ? new { SourceVpcId = Demo.AlphaVpc, PeeringConnectionName = "p", DestinationVpcId = Demo.BetaVpc, DestinationUin = Demo.BetaUin, DestinationRegion = Demo.Shanghai, Bandwidth = mbps }
        : new { SourceVpcId = Demo.AlphaVpc, PeeringConnectionName = "p", DestinationVpcId = Demo.BetaVpc, DestinationUin = Demo.BetaUin, DestinationRegion = Demo.Shanghai };

    /// <summary>alpha (gz) → beta's vpc-betagz01 (gz): within a region.</summary>
    private static object AlphaToBetaGuangzhou(long? bandwidth) => bandwidth is { } mbps
        ? new { SourceVpcId = Demo.AlphaVpc, PeeringConnectionName = "p", DestinationVpcId = Demo.BetaGuangzhouVpc, DestinationUin = Demo.BetaUin, DestinationRegion = Demo.Guangzhou, Bandwidth = mbps }
        : new { SourceVpcId = Demo.AlphaVpc, PeeringConnectionName = "p", DestinationVpcId = Demo.BetaGuangzhouVpc, DestinationUin = Demo.BetaUin, DestinationRegion = Demo.Guangzhou };

    [Fact]
    public async Task A_cross_region_peering_without_a_bandwidth_cap_is_an_illegal_combination_and_creates_nothing()
    {
        await using var emu = await Emulator.StartAsync();

        var message = Api.Error(await emu.Alpha("CreateVpcPeeringConnection", AlphaToBeta(null)), "InvalidParameterValue.Combination");

        Assert.Contains("Bandwidth", message, StringComparison.Ordinal);
        Assert.Empty(emu.Server.Snapshot().Peerings);
    }

    [Fact]
    public async Task A_cross_region_peering_with_a_zero_bandwidth_cap_is_an_illegal_combination()
    {
        await using var emu = await Emulator.StartAsync();

        Api.Error(await emu.Alpha("CreateVpcPeeringConnection", AlphaToBeta(0)), "InvalidParameterValue.Combination");
    }

    [Fact]
    public async Task A_negative_bandwidth_is_an_invalid_parameter_value_in_any_region()
    {
        await using var emu = await Emulator.StartAsync();

        Api.Error(await emu.Alpha("CreateVpcPeeringConnection", AlphaToBeta(-1)), "InvalidParameterValue");
        Api.Error(await emu.Alpha("CreateVpcPeeringConnection", AlphaToBetaGuangzhou(-1)), "InvalidParameterValue");
    }

    [Fact]
    public async Task A_cross_region_cap_up_to_five_gbps_is_kept_and_one_above_is_refused()
    {
        await using var emu = await Emulator.StartAsync();

        Api.Error(await emu.Alpha("CreateVpcPeeringConnection", AlphaToBeta(5001)), "InvalidParameterValue");
        var id = Api.Ok(await emu.Alpha("CreateVpcPeeringConnection", AlphaToBeta(5000))).Str("PeeringConnectionId");

        Assert.Equal(5000, (await emu.DescribePeeringAsAlpha(id)).GetProperty("Bandwidth").GetInt64());
    }

    [Fact]
    public async Task The_cross_region_cap_limit_is_configurable()
    {
        await using var emu = await Emulator.StartAsync(o => o.MaxCrossRegionBandwidthMbps = 100);

        Api.Error(await emu.Alpha("CreateVpcPeeringConnection", AlphaToBeta(101)), "InvalidParameterValue");
        Api.Ok(await emu.Alpha("CreateVpcPeeringConnection", AlphaToBeta(100)));
    }

    [Fact]
    public async Task A_peering_within_a_region_needs_no_cap_and_ignores_one_given()
    {
        await using var emu = await Emulator.StartAsync();

        var uncapped = Api.Ok(await emu.Alpha("CreateVpcPeeringConnection", AlphaToBetaGuangzhou(null))).Str("PeeringConnectionId");
        Assert.Equal(0, (await emu.DescribePeeringAsAlpha(uncapped)).GetProperty("Bandwidth").GetInt64());
        Api.Ok(await emu.Beta("RejectVpcPeeringConnection", new { PeeringConnectionId = uncapped }, Demo.Guangzhou));

        var capped = Api.Ok(await emu.Alpha("CreateVpcPeeringConnection", AlphaToBetaGuangzhou(9000))).Str("PeeringConnectionId");
        Assert.Equal(0, (await emu.DescribePeeringAsAlpha(capped)).GetProperty("Bandwidth").GetInt64());
    }

    [Fact]
    public async Task Without_a_charge_type_a_peering_is_billed_by_daily_peak_as_the_official_examples_show()
    {
        await using var emu = await Emulator.StartAsync();

        var crossRegion = Api.Ok(await emu.Alpha("CreateVpcPeeringConnection", AlphaToBeta(10))).Str("PeeringConnectionId");
        var withinRegion = Api.Ok(await emu.Alpha("CreateVpcPeeringConnection", AlphaToBetaGuangzhou(null))).Str("PeeringConnectionId");

        Assert.Equal("POSTPAID_BY_DAY_MAX", (await emu.DescribePeeringAsAlpha(crossRegion)).Str("ChargeType"));
        Assert.Equal("POSTPAID_BY_DAY_MAX", (await emu.DescribePeeringAsAlpha(withinRegion)).Str("ChargeType"));
    }

    [Fact]
    public async Task The_bandwidth_requirement_can_be_switched_off()
    {
        await using var emu = await Emulator.StartAsync(o => o.CrossRegionPeeringNeedsBandwidth = false);

        var id = Api.Ok(await emu.Alpha("CreateVpcPeeringConnection", AlphaToBeta(null))).Str("PeeringConnectionId");

        Assert.Equal(0, (await emu.DescribePeeringAsAlpha(id)).GetProperty("Bandwidth").GetInt64());
    }
}
