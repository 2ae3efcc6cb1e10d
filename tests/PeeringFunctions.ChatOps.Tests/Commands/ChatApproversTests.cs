using PeeringFunctions.ChatOps.Approvers;
using PeeringFunctions.ChatOps.Commands;
using PeeringFunctions.ChatOps.Tests.Support;

namespace PeeringFunctions.ChatOps.Tests.Commands;

/// <summary>The allow-list per receiver account.</summary>
public sealed class ChatApproversTests
{
    private static readonly ChatApprovers Approvers = new(new StaticOptions<ChatOpsOptions>(new ChatOpsOptions
    {
        Approvers =
        {
            ["beta"] = ["slack:U2CERLKJA", "wecom:ChenJiaShun", "teams:29:1abc", "teams:6b1a0f3e-0000-4000-8000-000000000001", "nonsense", ":x"],
            ["alpha"] = ["slack:U0ALPHA01"],
        },
    }));

    [Theory]
    [InlineData("slack", "U2CERLKJA", "beta", true)]
    [InlineData("slack", "U2CERLKJA", "BETA", true)]
    [InlineData("slack", "u2cerlkja", "beta", false)]
    [InlineData("slack", "U2CERLKJA", "alpha", false)]
    [InlineData("slack", "U0ALPHA01", "beta", false)]
    [InlineData("wecom", "ChenJiaShun", "beta", true)]
    [InlineData("wecom", "chenjiashun", "beta", true)]
    [InlineData("teams", "29:1abc", "beta", true)]
    [InlineData("teams", "29:1ABC", "beta", false)]
    [InlineData("wecom", "U2CERLKJA", "beta", false)]
    [InlineData("slack", "ChenJiaShun", "beta", false)]
    [InlineData("slack", "U2CERLKJA", "gamma", false)]
    [InlineData("slack", "x", "beta", false)]
    public void Only_a_listed_identity_on_the_same_platform_approves_for_that_account(string platform, string id, string account, bool expected)
    {
        Assert.Equal(expected, Approvers.IsApprover(account, new ChatUser(platform, id)));
    }

    [Fact]
    public void A_Teams_user_may_be_listed_by_their_AAD_object_id()
    {
        var user = new ChatUser(ChatPlatforms.Teams, "29:someone-else", "Megan", ["6b1a0f3e-0000-4000-8000-000000000001"]);

        Assert.True(Approvers.IsApprover("beta", user));
    }

    [Fact]
    public void Nobody_approves_for_an_external_receiver()
    {
        Assert.False(Approvers.IsApprover(null, new ChatUser(ChatPlatforms.Slack, "U2CERLKJA")));
    }
}
