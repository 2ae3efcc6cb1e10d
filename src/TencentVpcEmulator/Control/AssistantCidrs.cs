using TencentVpcEmulator.State;

namespace TencentVpcEmulator.Control;

/// <summary>
/// A VPC's address space changed as the console changes it (Tencent's own CreateAssistantCidr/DeleteAssistantCidr are
/// not emulated actions): an assistant (secondary) CIDR added or removed. DescribeVpcs shows it in AssistantCidrSet.
/// </summary>
internal static class AssistantCidrs
{
    /// <exception cref="KeyNotFoundException">No VPC has this id.</exception>
    /// <exception cref="ArgumentException">The block is not an IPv4 CIDR, overlaps the VPC's space, or is one too many.</exception>
    public static void Add(VpcStore store, EmulatorOptions options, string vpcId, string cidrBlock)
    {
        lock (store.Gate)
        {
            var vpc = Find(store, vpcId);
            if (!Cidr.TryParse(cidrBlock, out _))
            {
                throw new ArgumentException($"'{cidrBlock}' is not an IPv4 CIDR block in canonical form (e.g. 10.12.0.0/16).");
            }

            if (vpc.AllCidrs.FirstOrDefault(c => Cidr.Overlaps(c, cidrBlock)) is { } clash)
            {
                throw new ArgumentException($"{cidrBlock} overlaps {clash}, already a CIDR of {vpcId}.");
            }

            if (vpc.AssistantCidrs.Count >= options.MaxAssistantCidrsPerVpc)
            {
                throw new ArgumentException($"{vpcId} has {vpc.AssistantCidrs.Count} assistant CIDRs, the most a VPC may have.");
            }

            vpc.AssistantCidrs = [.. vpc.AssistantCidrs, cidrBlock];
        }
    }

    /// <exception cref="KeyNotFoundException">No VPC has this id.</exception>
    /// <exception cref="ArgumentException">The block is not an assistant CIDR of the VPC, or a subnet still uses it.</exception>
    public static void Remove(VpcStore store, string vpcId, string cidrBlock)
    {
        lock (store.Gate)
        {
            var vpc = Find(store, vpcId);
            if (!vpc.AssistantCidrs.Contains(cidrBlock, StringComparer.Ordinal))
            {
                throw new ArgumentException($"{cidrBlock} is not an assistant CIDR of {vpcId} (the primary CIDR cannot be removed).");
            }

            // As the console: a secondary CIDR with subnets in it cannot be removed.
            if (vpc.Subnets.FirstOrDefault(s => Cidr.Contains(cidrBlock, s.CidrBlock)) is { } subnet)
            {
                throw new ArgumentException($"{subnet.SubnetId} ({subnet.CidrBlock}) lies in {cidrBlock}: remove the subnet first.");
            }

            vpc.AssistantCidrs = [.. vpc.AssistantCidrs.Where(c => c != cidrBlock)];
        }
    }

    private static VpcRecord Find(VpcStore store, string vpcId) =>
        store.Vpcs.TryGetValue(vpcId, out var vpc) ? vpc : throw new KeyNotFoundException($"No VPC {vpcId}.");
}
