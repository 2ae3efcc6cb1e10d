using PeeringFunctions.ChatOps.Commands;

namespace PeeringFunctions.ChatOps.Tests.Commands;

/// <summary>What people type, and what the parser makes of it.</summary>
public sealed class ChatCommandParserTests
{
    private const string Id = "peering-vpc-alpha001-vpc-beta0001";

    private static ChatCommand Parsed(string text)
    {
        var result = ChatCommandParser.Parse(text);
        Assert.True(result.IsValid, result.Error);
        return result.Command!;
    }

    private static string Refused(string text)
    {
        var result = ChatCommandParser.Parse(text);
        Assert.False(result.IsValid);
        return result.Error!;
    }

    [Theory]
    [InlineData("status " + Id, ChatVerb.Status)]
    [InlineData("STATUS " + Id, ChatVerb.Status)]
    [InlineData("  Status\t  " + Id + "  ", ChatVerb.Status)]
    [InlineData("show " + Id, ChatVerb.Status)]
    [InlineData("accept " + Id, ChatVerb.Accept)]
    [InlineData("Accept  PEERING-VPC-ALPHA001-VPC-BETA0001", ChatVerb.Accept)]
    [InlineData("approve " + Id, ChatVerb.Accept)]
    [InlineData("同意 " + Id, ChatVerb.Accept)]
    [InlineData("reject " + Id, ChatVerb.Reject)]
    [InlineData("decline\u00A0" + Id, ChatVerb.Reject)]
    [InlineData("拒绝\u3000" + Id, ChatVerb.Reject)]
    [InlineData("teardown " + Id, ChatVerb.Teardown)]
    [InlineData("TearDown " + Id, ChatVerb.Teardown)]
    [InlineData("/peering accept " + Id, ChatVerb.Accept)]
    [InlineData("<at>Peering</at> accept " + Id, ChatVerb.Accept)]
    [InlineData("<at>Peering Bot</at>&nbsp;reject " + Id + "\n", ChatVerb.Reject)]
    [InlineData("<div><at>peering</at> status " + Id + "</div>", ChatVerb.Status)]
    public void Commands_on_one_peering_are_read_whatever_the_case_spacing_or_mention(string text, ChatVerb verb)
    {
        var command = Parsed(text);

        Assert.Equal(verb, command.Verb);
        Assert.Equal(Id, command.Target);
    }

    [Fact]
    public void A_pcx_id_is_a_valid_target()
    {
        Assert.Equal("pcx-demo0001", Parsed("status PCX-DEMO0001").Target);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("help")]
    [InlineData("HELP me please")]
    [InlineData("?")]
    [InlineData("帮助")]
    [InlineData("/peering")]
    [InlineData("<at>peering</at>")]
    public void Help_or_nothing_at_all_asks_for_help(string text)
    {
        Assert.Equal(ChatVerb.Help, Parsed(text).Verb);
    }

    [Theory]
    [InlineData("list", null)]
    [InlineData("LIST", null)]
    [InlineData("ls", null)]
    [InlineData("list waiting", "WaitingForAcceptance")]
    [InlineData("list pending", "WaitingForAcceptance")]
    [InlineData("list waitingforacceptance", "WaitingForAcceptance")]
    [InlineData("list ACTIVE", "Active")]
    [InlineData("list failed", "Failed")]
    [InlineData("list  rejected ", "Rejected")]
    public void List_takes_an_optional_state(string text, string? state)
    {
        var command = Parsed(text);

        Assert.Equal(ChatVerb.List, command.Verb);
        Assert.Equal(state, command.State);
    }

    [Fact]
    public void An_unknown_state_lists_the_known_ones()
    {
        var error = Refused("list sleeping");

        Assert.Contains("WaitingForAcceptance", error, StringComparison.Ordinal);
        Assert.Contains("Active", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("launch the rockets")]
    [InlineData("acept " + Id)]
    [InlineData("&lt;script&gt;")]
    public void An_unknown_command_gets_the_usage(string text)
    {
        var error = Refused(text);

        Assert.StartsWith("Sorry, I don't know", error, StringComparison.Ordinal);
        Assert.Contains("status <id>", error, StringComparison.Ordinal);
        Assert.Contains("accept <id>", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("accept")]
    [InlineData("status   ")]
    [InlineData("teardown")]
    public void A_command_without_its_id_says_which_id_it_needs(string text)
    {
        Assert.Contains("Which peering?", Refused(text), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_ids_are_refused()
    {
        Assert.Contains("takes one peering id", Refused($"accept {Id} {Id}"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("accept vpc-alpha001")]
    [InlineData("accept peering-vpc-alpha001-vpc-beta0001-teardown")]
    [InlineData("status ../../admin")]
    [InlineData("reject pcx-")]
    public void Something_that_is_not_a_peering_id_is_refused(string text)
    {
        Assert.Contains("is not a peering id", Refused(text), StringComparison.Ordinal);
    }

    [Fact]
    public void Request_alone_explains_the_request_syntax()
    {
        Assert.Equal(ChatCommandParser.RequestUsage, Refused("request"));
    }

    [Fact]
    public void A_request_with_the_portals_field_names_fills_the_portals_body()
    {
        var command = Parsed(
            "request name=\"web to db\" initiator.account=alpha initiator.region=ap-guangzhou initiator.vpcId=vpc-alpha001 " +
            "Initiator.SubnetIds=subnet-aaaa1111,subnet-bbbb2222 initiator.destinationCidrs=10.1.0.0/16 " +
            "receiver.account=beta receiver.region=ap-shanghai receiver.vpcId=vpc-beta0001 receiver.routeTableId=rtb-beta0001 " +
            "bandwidthMbps=100 chargeType=POSTPAID_BY_DAY_MAX acceptanceTimeout=P2D keepPartialWorkOnFailure=yes");

        Assert.Equal(ChatVerb.Request, command.Verb);
        Assert.Empty(command.Problems!);
        var body = command.Request!;
        Assert.Equal("web to db", body.Name);
        Assert.Equal("alpha", body.Initiator!.Account);
        Assert.Equal("ap-guangzhou", body.Initiator.Region);
        Assert.Equal("vpc-alpha001", body.Initiator.VpcId);
        Assert.Equal(["subnet-aaaa1111", "subnet-bbbb2222"], body.Initiator.SubnetIds!);
        Assert.Equal(["10.1.0.0/16"], body.Initiator.DestinationCidrs!);
        Assert.Equal("beta", body.Receiver!.Account);
        Assert.Equal("rtb-beta0001", body.Receiver.RouteTableId);
        Assert.Equal(100, body.BandwidthMbps);
        Assert.Equal("POSTPAID_BY_DAY_MAX", body.ChargeType);
        Assert.Equal("P2D", body.AcceptanceTimeout);
        Assert.True(body.KeepPartialWorkOnFailure);
    }

    [Fact]
    public void From_and_to_are_shorthands_for_account_region_and_vpc()
    {
        var body = Parsed("request name=web-to-db from=alpha/ap-guangzhou/vpc-alpha001 to=uin:100000000001/ap-shanghai/vpc-extern01").Request!;

        Assert.Equal(("alpha", "ap-guangzhou", "vpc-alpha001"), (body.Initiator!.Account, body.Initiator.Region, body.Initiator.VpcId));
        Assert.Equal(("100000000001", "ap-shanghai", "vpc-extern01"), (body.Receiver!.Uin, body.Receiver.Region, body.Receiver.VpcId));
        Assert.Null(body.Receiver.Account);
    }

    [Fact]
    public void Smart_quotes_from_a_phone_keep_a_name_together()
    {
        Assert.Equal("web to db", Parsed("request name=“web to db” from=alpha/ap-guangzhou/vpc-alpha001").Request!.Name);
    }

    [Fact]
    public void A_request_as_the_portals_JSON_is_read_as_the_portal_reads_it()
    {
        var command = Parsed("""request {"name":"web-to-db","initiator":{"account":"alpha","region":"ap-guangzhou","vpcId":"vpc-alpha001"},"receiver":{"account":"beta","region":"ap-shanghai","vpcId":"vpc-beta0001"}}""");

        Assert.Empty(command.Problems!);
        Assert.Equal("web-to-db", command.Request!.Name);
        Assert.Equal("vpc-beta0001", command.Request.Receiver!.VpcId);
    }

    [Fact]
    public void JSON_with_an_unknown_field_is_a_problem_not_an_exception()
    {
        var command = Parsed("""request {"name":"x","colour":"blue"}""");

        var problem = Assert.Single(command.Problems!);
        Assert.Equal("colour", problem.Field);
    }

    [Fact]
    public void Fields_that_cannot_be_read_are_listed_as_problems()
    {
        var command = Parsed("request name=a name=b colour=blue bandwidthMbps=lots keepPartialWorkOnFailure=maybe from=alpha stray chargeType=");

        Assert.Equal(
            [
                ("name", "is given twice"),
                ("colour", "is not a field of a peering request"),
                ("bandwidthMbps", "must be a whole number of Mbps"),
                ("keepPartialWorkOnFailure", "must be true or false"),
                ("from", "must be account/region/vpc-id, e.g. alpha/ap-guangzhou/vpc-alpha001"),
                ("stray", "is not field=value (for example name=web-to-db)"),
                ("chargeType", "has no value"),
            ],
            command.Problems!.Select(p => (p.Field, p.Rule)));
    }

    [Fact]
    public void An_overlong_message_is_refused_before_anything_else()
    {
        Assert.Contains("too long", Refused("status " + new string('x', 5000)), StringComparison.Ordinal);
    }
}
