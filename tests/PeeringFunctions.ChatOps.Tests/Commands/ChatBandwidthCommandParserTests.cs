using PeeringFunctions.ChatOps.Commands;

namespace PeeringFunctions.ChatOps.Tests.Commands;

/// <summary>bandwidth &lt;id&gt; &lt;Mbps&gt;: how people write a bandwidth change, and what the parser makes of it.</summary>
public sealed class ChatBandwidthCommandParserTests
{
    private const string Id = "peering-vpc-alpha001-vpc-beta0001";

    [Theory]
    [InlineData("bandwidth " + Id + " 200")]
    [InlineData("Bandwidth  PEERING-VPC-ALPHA001-VPC-BETA0001   200")]
    [InlineData("bw " + Id + " 200Mbps")]
    [InlineData("bandwidth " + Id + " 200 Mbps")]
    [InlineData("带宽 " + Id + " 200")]
    [InlineData("/peering bandwidth " + Id + " 200")]
    public void A_bandwidth_change_names_the_peering_and_the_new_cap(string text)
    {
        var result = ChatCommandParser.Parse(text);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(new ChatCommand(ChatVerb.Bandwidth, Target: Id, BandwidthMbps: 200), result.Command);
    }

    [Fact]
    public void A_pcx_id_names_the_peering_too()
    {
        var result = ChatCommandParser.Parse("bandwidth pcx-ab12cd34 50");

        Assert.Equal(new ChatCommand(ChatVerb.Bandwidth, Target: "pcx-ab12cd34", BandwidthMbps: 50), result.Command);
    }

    [Theory]
    [InlineData("bandwidth", "takes a peering id and a number of Mbps")]
    [InlineData("bandwidth " + Id, "takes a peering id and a number of Mbps")]
    [InlineData("bandwidth " + Id + " 200 300", "takes a peering id and a number of Mbps")]
    [InlineData("bandwidth vpc-alpha001 200", "is not a peering id")]
    [InlineData("bandwidth " + Id + " lots", "\"lots\" is not a whole number of Mbps")]
    [InlineData("bandwidth " + Id + " -5", "\"-5\" is not a whole number of Mbps")]
    [InlineData("bandwidth " + Id + " 1.5", "\"1.5\" is not a whole number of Mbps")]
    [InlineData("bandwidth " + Id + " 99999999999999999999", "is not a whole number of Mbps")]
    public void A_bandwidth_change_that_cannot_be_read_says_how_to_write_it(string text, string complaint)
    {
        var result = ChatCommandParser.Parse(text);

        Assert.False(result.IsValid);
        Assert.Contains(complaint, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_usage_lists_the_bandwidth_command()
    {
        Assert.Contains("bandwidth <id> <Mbps>", ChatCommandParser.Usage, StringComparison.Ordinal);
    }
}
