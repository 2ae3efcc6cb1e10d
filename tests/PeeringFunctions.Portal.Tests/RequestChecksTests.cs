using PeeringFunctions.Portal.Network;
using PeeringFunctions.Portal.Pages;

namespace PeeringFunctions.Portal.Tests;

/// <summary>The request form's checks: overlapping VPCs are refused before anything is started.</summary>
public sealed class RequestChecksTests
{
    private static readonly VpcInventory Alpha = Vpc("alpha", "ap-guangzhou", "vpc-alpha001", "10.10.0.0/16", ["10.11.0.0/16"], "rtb-alphapcx", "subnet-alphaweb");
    private static readonly VpcInventory Beta = Vpc("beta", "ap-shanghai", "vpc-beta0001", "172.16.0.0/16", [], "rtb-betapcx1", "subnet-betaapp1");
    private static readonly VpcInventory BetaOverlapping = Vpc("beta", "ap-shanghai", "vpc-betaover", "10.10.128.0/20", [], "rtb-betaovmn", "subnet-betaover");
    private static readonly VpcInventory BetaAssistantOverlap = Vpc("beta", "ap-guangzhou", "vpc-betagz01", "10.11.64.0/20", [], "rtb-betagzmn", "subnet-betagz01");
    private static readonly Inventory Cloud = new([new("alpha", "100000000001"), new("beta", "100000000002")], [Alpha, Beta, BetaOverlapping, BetaAssistantOverlap], []);

    private static RequestForm Form(VpcInventory initiator, VpcInventory receiver, string? initiatorTable = null, string[]? receiverSubnets = null) => new(
        "alpha-to-beta", RequestPage.KeyOf(initiator.Vpc), initiatorTable, [], RequestPage.KeyOf(receiver.Vpc), null, receiverSubnets ?? [], "P2D", null);

    private static bool IsManaged(string account) => account is "alpha" or "beta";

    [Fact]
    public void Overlapping_vpcs_are_refused_naming_both_cidrs()
    {
        var (body, errors) = RequestChecks.Check(Form(Alpha, BetaOverlapping), Cloud, IsManaged);

        Assert.Null(body);
        var error = Assert.Single(errors);
        Assert.Equal("receiverVpc", error.Field);
        Assert.Contains("10.10.128.0/20", error.Message, StringComparison.Ordinal);
        Assert.Contains("10.10.0.0/16", error.Message, StringComparison.Ordinal);
        Assert.Contains("overlap", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_overlap_with_an_assistant_cidr_is_refused_too()
    {
        var (body, errors) = RequestChecks.Check(Form(Alpha, BetaAssistantOverlap), Cloud, IsManaged);

        Assert.Null(body);
        Assert.Contains(errors, e => e.Message.Contains("10.11.0.0/16", StringComparison.Ordinal));
    }

    [Fact]
    public void A_vpc_cannot_peer_with_itself()
    {
        var (body, errors) = RequestChecks.Check(Form(Alpha, Alpha), Cloud, IsManaged);

        Assert.Null(body);
        Assert.Contains(errors, e => e.Field == "receiverVpc" && e.Message.Contains("itself", StringComparison.Ordinal));
    }

    [Fact]
    public void Route_tables_and_subnets_must_belong_to_the_chosen_vpc()
    {
        var (body, errors) = RequestChecks.Check(Form(Alpha, Beta, initiatorTable: "rtb-betapcx1", receiverSubnets: ["subnet-alphaweb"]), Cloud, IsManaged);

        Assert.Null(body);
        Assert.Contains(errors, e => e.Field == "initiatorRouteTable");
        Assert.Contains(errors, e => e.Field == "receiverSubnets");
    }

    [Fact]
    public void A_vpc_the_app_cannot_see_or_of_an_unmanaged_account_is_refused()
    {
        var form = Form(Alpha, Beta) with { ReceiverVpc = "gamma|ap-shanghai|vpc-gamma001" };

        var (body, errors) = RequestChecks.Check(form, Cloud, IsManaged);

        Assert.Null(body);
        Assert.Contains(errors, e => e.Field == "receiverVpc");
    }

    [Fact]
    public void A_good_choice_becomes_the_same_request_body_the_api_takes()
    {
        // Guangzhou to Shanghai: a peering across regions, which needs the bandwidth cap.
        var form = Form(Alpha, Beta, initiatorTable: "rtb-alphapcx", receiverSubnets: ["subnet-betaapp1"]) with { BandwidthMbps = "10" };

        var (body, errors) = RequestChecks.Check(form, Cloud, IsManaged);

        Assert.Empty(errors);
        Assert.Equal(10, body!.BandwidthMbps);
        Assert.NotNull(body);
        Assert.Equal("alpha", body.Initiator!.Account);
        Assert.Equal("vpc-alpha001", body.Initiator.VpcId);
        Assert.Equal("rtb-alphapcx", body.Initiator.RouteTableId);
        Assert.Equal("beta", body.Receiver!.Account);
        Assert.Equal("ap-shanghai", body.Receiver.Region);
        Assert.Equal(["subnet-betaapp1"], body.Receiver.SubnetIds!);
        Assert.Null(body.Receiver.RouteTableId);
        var (request, problems) = Peerings.Requests.PeeringRequestValidator.Validate(body, IsManaged);
        Assert.Empty(problems);
        Assert.NotNull(request);
    }

    [Fact]
    public void The_answer_to_drift_chosen_on_the_form_goes_into_the_request_and_an_unlisted_one_is_refused()
    {
        var form = Form(Alpha, Beta, initiatorTable: "rtb-alphapcx", receiverSubnets: ["subnet-betaapp1"]) with { BandwidthMbps = "10" };

        var (notify, _) = RequestChecks.Check(form with { RepairPolicy = "notify" }, Cloud, IsManaged);
        var (unlisted, errors) = RequestChecks.Check(form with { RepairPolicy = "ignore" }, Cloud, IsManaged);

        Assert.Equal("notify", notify!.RepairPolicy);
        Assert.Null(unlisted);
        Assert.Equal(new FormError("repairPolicy", "Choose one of the listed answers to drift."), Assert.Single(errors));
    }

    [Theory]
    [InlineData("alpha|ap-guangzhou|vpc-alpha001", "alpha", "ap-guangzhou", "vpc-alpha001")]
    [InlineData("team|prod|ap-shanghai|vpc-beta0001", "team|prod", "ap-shanghai", "vpc-beta0001")]
    public void Vpc_keys_split_from_the_right(string key, string account, string region, string vpc) =>
        Assert.Equal((account, region, vpc), RequestPage.ParseKey(key));

    [Theory]
    [InlineData(null)]
    [InlineData("vpc-alpha001")]
    [InlineData("|vpc-alpha001")]
    public void Keys_without_three_parts_are_no_choice(string? key) => Assert.Null(RequestPage.ParseKey(key));

    private static VpcInventory Vpc(string account, string region, string id, string cidr, string[] assistant, string table, string subnet) => new(
        new VpcInfo(account, region, id, id + "-name", cidr, assistant),
        [new RouteTableInfo(table, "t", false, [], [])],
        [new SubnetInfo(subnet, "s", cidr, region + "-1", table)]);
}
