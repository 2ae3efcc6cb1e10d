using Microsoft.Extensions.Options;
using PeeringFunctions.ChatOps.Approvers;
using PeeringFunctions.ChatOps.Commands;
using PeeringFunctions.ChatOps.Tests.Support;

namespace PeeringFunctions.ChatOps.Tests.Commands;

/// <summary>How the ChatOps section is read from configuration.</summary>
public sealed class ConfigurationTests
{
    [Fact]
    public void Approvers_can_be_listed_one_setting_per_entry_or_comma_separated_in_one_setting()
    {
        using var host = ChatOpsHost.Create(new Dictionary<string, string?>
        {
            ["ChatOps:Approvers:gamma"] = "slack:U0GAMMA01, wecom:LiSi;teams:29:9zz",
        });
        var approvers = host.Get<ChatApprovers>();

        Assert.True(approvers.IsApprover("beta", new ChatUser(ChatPlatforms.Slack, ChatOpsHost.SlackApprover)));
        Assert.True(approvers.IsApprover("gamma", new ChatUser(ChatPlatforms.Slack, "U0GAMMA01")));
        Assert.True(approvers.IsApprover("gamma", new ChatUser(ChatPlatforms.WeCom, "lisi")));
        Assert.True(approvers.IsApprover("gamma", new ChatUser(ChatPlatforms.Teams, "29:9zz")));
        Assert.False(approvers.IsApprover("gamma", new ChatUser(ChatPlatforms.Slack, ChatOpsHost.SlackApprover)));
    }

    [Fact]
    public void Channels_timeouts_and_the_portal_link_are_bound_from_their_sections()
    {
        using var host = ChatOpsHost.Create(new Dictionary<string, string?>
        {
            ["ChatOps:Channels:beta:SlackWebhookUrl"] = "https://hooks.slack.com/services/T/B/x",
            ["ChatOps:Notifications:AttemptTimeout"] = "00:00:02",
            ["ChatOps:TimestampWindow"] = "00:03:00",
            ["Portal:BaseUrl"] = "https://portal.example.test/",
        });
        var options = host.Get<IOptionsMonitor<ChatOpsOptions>>().CurrentValue;

        Assert.Equal("https://hooks.slack.com/services/T/B/x", options.Channels["BETA"].SlackWebhookUrl);
        Assert.Equal(TimeSpan.FromSeconds(2), options.Notifications.AttemptTimeout);
        Assert.Equal(TimeSpan.FromMinutes(3), options.TimestampWindow);
        Assert.Contains("hooks.slack.com", options.Slack.ResponseUrlHosts);
        Assert.Equal("https://portal.example.test/api/peerings/peering-vpc-a0000001-vpc-b0000001",
            host.Get<PortalLinks>().Status("peering-vpc-a0000001-vpc-b0000001"));
    }

    [Fact]
    public void Options_never_print_their_secrets()
    {
        using var host = ChatOpsHost.Create(new Dictionary<string, string?>
        {
            ["ChatOps:Channels:beta:WeComRobotUrl"] = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=SECRET-KEY",
        });
        var options = host.Get<IOptionsMonitor<ChatOpsOptions>>().CurrentValue;

        var printed = string.Join(" ", options, options.Slack, options.WeCom, options.Teams, options.Channels["beta"]);

        foreach (var secret in new[] { Vectors.Slack.SigningSecret, Vectors.WeCom.Token, Vectors.WeCom.EncodingAesKey, Vectors.Teams.SecurityToken, "SECRET-KEY" })
        {
            Assert.DoesNotContain(secret, printed, StringComparison.Ordinal);
        }
    }
}
