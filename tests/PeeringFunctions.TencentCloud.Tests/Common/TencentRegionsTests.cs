using PeeringFunctions.TencentCloud.Common;

namespace PeeringFunctions.TencentCloud.Tests.Common;

public sealed class TencentRegionsTests
{
    [Theory]
    [InlineData("gz", "ap-guangzhou")]
    [InlineData("sh", "ap-shanghai")]
    [InlineData("bj", "ap-beijing")]
    [InlineData("cd", "ap-chengdu")]
    [InlineData("cq", "ap-chongqing")]
    [InlineData("nj", "ap-nanjing")]
    [InlineData("hk", "ap-hongkong")]
    [InlineData("sg", "ap-singapore")]
    [InlineData("jp", "ap-tokyo")]
    [InlineData("kr", "ap-seoul")]
    [InlineData("th", "ap-bangkok")]
    [InlineData("jkt", "ap-jakarta")]
    [InlineData("de", "eu-frankfurt")]
    [InlineData("usw", "na-siliconvalley")]
    [InlineData("use", "na-ashburn")]
    [InlineData("sao", "sa-saopaulo")]
    [InlineData("in", "ap-mumbai")]
    [InlineData("ca", "na-toronto")]
    [InlineData("tpe", "ap-taipei")]
    [InlineData("szjr", "ap-shenzhen-fsi")]
    [InlineData("shjr", "ap-shanghai-fsi")]
    [InlineData("bjjr", "ap-beijing-fsi")]
    [InlineData("tsn", "ap-tianjin")]
    [InlineData("GZ", "ap-guangzhou")]
    public void Short_codes_map_to_long_names(string shortCode, string longName)
    {
        Assert.Equal(longName, TencentRegions.ToLongName(shortCode));
    }

    [Theory]
    [InlineData("ap-guangzhou")]
    [InlineData("eu-frankfurt")]
    [InlineData("mars-olympus")]
    [InlineData("zz")]
    [InlineData("")]
    [InlineData(null)]
    public void Long_names_and_unknown_values_pass_through_unchanged(string? region)
    {
        Assert.Equal(region, TencentRegions.ToLongName(region));
    }

    [Fact]
    public void Long_names_map_back_to_short_codes()
    {
        Assert.Equal("gz", TencentRegions.ToShortCode("ap-guangzhou"));
        Assert.Equal("unknown-region", TencentRegions.ToShortCode("unknown-region"));
    }

    [Fact]
    public void Same_region_is_recognised_in_either_form()
    {
        Assert.True(TencentRegions.AreSame("gz", "ap-guangzhou"));
        Assert.False(TencentRegions.AreSame("sh", "ap-guangzhou"));
    }

    [Fact]
    public void Every_long_name_of_the_short_code_table_is_a_known_region_and_nothing_else_is()
    {
        Assert.All(TencentRegions.ShortCodes.Values, longName => Assert.True(TencentRegions.IsKnownLongName(longName), longName));
        Assert.Equal(TencentRegions.ShortCodes.Count, TencentRegions.LongNames.Count);
        Assert.False(TencentRegions.IsKnownLongName("gz"));
        Assert.False(TencentRegions.IsKnownLongName("AP-GUANGZHOU"));
        Assert.False(TencentRegions.IsKnownLongName("ap-atlantis"));
        Assert.False(TencentRegions.IsKnownLongName(null));
    }
}
