using TencentVpcEmulator.Protocol;

namespace TencentVpcEmulator.Actions;

/// <summary>
/// Tencent's bandwidth rules for a peering (spec §4.7; Use Limits 553/18830): across regions a cap is required and is
/// at most 5 Gbps; within a region there is no cap, so Bandwidth is ignored and shows 0 (as the official example).
/// Codes come from CreateVpcPeeringConnection's documented list.
/// </summary>
internal static class PeeringBandwidth
{
    public static long Effective(long? requested, bool crossRegion, EmulatorOptions options)
    {
        if (requested is < 0)
        {
            throw new ApiException(ErrorCodes.InvalidParameterValue, "The value of parameter `Bandwidth` must not be negative.");
        }

        if (!crossRegion)
        {
            return 0;
        }

        if (requested is null or 0)
        {
            // Which code Tencent gives is unverified; a cross-region destination without a cap is an illegal combination.
            return options.CrossRegionPeeringNeedsBandwidth
                ? throw new ApiException(ErrorCodes.InvalidParameterValueCombination,
                    "A peering across regions needs a bandwidth cap: `Bandwidth` (Mbps) must be given and greater than 0 when `DestinationRegion` differs from the source region.")
                : 0;
        }

        if (requested > options.MaxCrossRegionBandwidthMbps)
        {
            throw new ApiException(ErrorCodes.InvalidParameterValue,
                $"The value `{requested}` of parameter `Bandwidth` exceeds the cross-region cap of {options.MaxCrossRegionBandwidthMbps} Mbps.");
        }

        return requested.Value;
    }
}
