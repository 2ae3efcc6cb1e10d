using PeeringFunctions.ChatOps.Commands;

namespace PeeringFunctions.ChatOps.Tests.Commands;

/// <summary>"discovered" and "adopt &lt;pcx&gt; &lt;account&gt;/&lt;region&gt; [policy]": read as discovered prints them, refused with the syntax otherwise.</summary>
public sealed class ChatAdoptCommandParsingTests
{
    [Fact]
    public void Adopt_reads_the_pcx_the_account_and_region_and_the_policy_as_discovered_prints_them()
    {
        var parsed = ChatCommandParser.Parse("adopt PCX-AB12CD34 alpha/ap-guangzhou notify");

        Assert.Equal(
            (ChatVerb.Adopt, "pcx-ab12cd34", "alpha", "ap-guangzhou", "notify"),
            (parsed.Command?.Verb, parsed.Command?.Target, parsed.Command?.Account, parsed.Command?.Region, parsed.Command?.RepairPolicy));
        Assert.Null(ChatCommandParser.Parse("adopt pcx-ab12cd34 alpha/ap-guangzhou").Command?.RepairPolicy);
    }

    [Theory]
    [InlineData("adopt pcx-ab12cd34", "adopt takes a pcx id, the account and region that see it")]
    [InlineData("adopt peering-vpc-a-vpc-b alpha/ap-guangzhou", "is not a peering connection id (pcx-…)")]
    [InlineData("adopt pcx-ab12cd34 alpha", "\"alpha\" is not account/region")]
    [InlineData("adopt pcx-ab12cd34 alpha/ap-guangzhou notify now", "adopt takes a pcx id")]
    [InlineData("discovered everything", "discovered takes nothing after it")]
    public void A_malformed_adopt_or_discovered_says_how_to_write_it(string text, string expected)
    {
        var parsed = ChatCommandParser.Parse(text);

        Assert.Null(parsed.Command);
        Assert.Contains(expected, parsed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Discovered_and_adopt_are_in_the_help()
    {
        Assert.Equal(ChatVerb.Discovered, ChatCommandParser.Parse("discovered").Command?.Verb);
        Assert.Contains("• discovered —", ChatCommandParser.Usage, StringComparison.Ordinal);
        Assert.Contains("• adopt <pcx-id> <account>/<region> [repair|notify]", ChatCommandParser.Usage, StringComparison.Ordinal);
    }
}
