using TencentVpcEmulator.Tests.Support;

namespace TencentVpcEmulator.Tests;

/// <summary>The reply bytes themselves: compact JSON, field order as built, non-ASCII and HTML characters written as they are.</summary>
public class ReplyEncodingTests
{
    [Fact]
    public async Task A_reply_is_compact_utf8_json_that_keeps_chinese_and_angle_brackets_readable_and_escapes_quotes()
    {
        await using var emu = await Emulator.StartAsync();
        var id = await emu.CreateAlphaToBetaAsync("对等连接 \"gz\" <sh> & co");
        var call = new TencentCall { Key = Demo.Alpha, Action = "DescribeVpcPeeringConnections", Body = TencentCall.Json(new { PeeringConnectionIds = new[] { id } }) };
        using var request = call.Build(emu.Server.BaseUrl, emu.Server.Now);
        using var response = await emu.Http.SendAsync(request);
        var raw = System.Text.Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());

        Assert.StartsWith("{\"Response\":{\"TotalCount\":1,\"PeerConnectionSet\":[{\"SourceVpcId\":\"vpc-alpha001\",", raw, StringComparison.Ordinal);
        Assert.Contains("\"PeeringConnectionName\":\"对等连接 \\\"gz\\\" <sh> & co\",", raw, StringComparison.Ordinal);
        Assert.Contains("\"Bandwidth\":10,", raw, StringComparison.Ordinal);
        Assert.Matches("\"RequestId\":\"[0-9a-f-]{36}\"}}$", raw);
        Assert.DoesNotContain("\n", raw, StringComparison.Ordinal);
    }
}
