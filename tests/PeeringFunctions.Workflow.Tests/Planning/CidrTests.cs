using PeeringFunctions.Workflow.Planning;

namespace PeeringFunctions.Workflow.Tests.Planning;

public sealed class CidrTests
{
    [Theory]
    [InlineData("10.0.0.0/16")]
    [InlineData("172.16.0.0/12")]
    [InlineData("192.168.1.7/32")]
    [InlineData("0.0.0.0/0")]
    [InlineData("10.11.0.0/16")]
    public void Canonical_IPv4_CIDRs_are_valid(string text)
    {
        Assert.True(Cidr.IsValid(text));
        Assert.True(Cidr.TryParse(text, out var network));
        Assert.Equal(text, network.Value.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("10.0.0.0")]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.0/-1")]
    [InlineData("10.0.0.0/")]
    [InlineData("/16")]
    [InlineData("vpc-alpha001")]
    [InlineData("10.0.0.256/24")]
    [InlineData(" 10.0.0.0/16")]
    [InlineData("10.0.0.0/16 ")]
    public void Malformed_texts_are_invalid(string? text)
    {
        Assert.False(Cidr.IsValid(text));
        Assert.False(Cidr.TryParse(text, out var network));
        Assert.Null(network);
    }

    [Theory]
    [InlineData("::/0")]
    [InlineData("2001:db8::/32")]
    [InlineData("fd00::/8")]
    [InlineData("::ffff:10.0.0.0/104")]
    public void IPv6_CIDRs_are_refused(string text)
    {
        Assert.False(Cidr.IsValid(text));
    }

    [Fact]
    public void Non_canonical_and_non_dotted_quad_texts_are_refused()
    {
        string[] texts = ["10.0.0.1/16", "172.16.1.1/24", "10/8", "10.0.0/16", "010.0.0.0/8", "0x0a.0.0.0/8", "167772160/8"];

        Assert.All(texts, text => Assert.False(Cidr.IsValid(text), $"{text} should be refused"));
    }

    [Theory]
    [InlineData("10.0.0.0/16", "10.0.128.0/17", true)]
    [InlineData("10.0.128.0/17", "10.0.0.0/16", true)]
    [InlineData("10.0.0.0/16", "10.0.0.0/16", true)]
    [InlineData("10.10.0.0/16", "10.10.128.0/20", true)]
    [InlineData("0.0.0.0/0", "192.168.0.0/20", true)]
    [InlineData("10.0.0.0/16", "10.1.0.0/16", false)]
    [InlineData("10.10.0.0/16", "10.11.0.0/16", false)]
    [InlineData("192.168.0.0/20", "192.168.16.0/20", false)]
    [InlineData("10.0.0.0/16", "not-a-cidr", false)]
    [InlineData("2001:db8::/32", "2001:db8::/48", false)]
    public void Overlaps_is_true_when_the_ranges_share_an_address(string a, string b, bool expected)
    {
        Assert.Equal(expected, Cidr.Overlaps(a, b));
        Assert.Equal(expected, Cidr.Overlaps(b, a));
    }

    [Theory]
    [InlineData("10.0.1.0/24", "10.0.0.0/16", true)]
    [InlineData("10.0.0.0/16", "10.0.0.0/16", true)]
    [InlineData("10.0.255.255/32", "10.0.0.0/16", true)]
    [InlineData("10.0.0.0/15", "10.0.0.0/16", false)]
    [InlineData("10.1.0.0/24", "10.0.0.0/16", false)]
    [InlineData("172.16.0.0/16", "0.0.0.0/0", true)]
    [InlineData("0.0.0.0/0", "172.16.0.0/16", false)]
    [InlineData("garbage", "10.0.0.0/8", false)]
    [InlineData("10.0.0.0/24", "garbage", false)]
    public void Within_is_true_only_when_the_inner_range_lies_wholly_inside_the_outer(string inner, string outer, bool expected)
    {
        Assert.Equal(expected, Cidr.Within(inner, outer));
    }
}
