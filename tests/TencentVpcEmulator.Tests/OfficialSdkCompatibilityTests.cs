using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using TencentVpcEmulator.Tests.Support;

namespace TencentVpcEmulator.Tests;

/// <summary>
/// The official tencentcloud-sdk-nodejs client (tests/sdk-compat) runs against the emulator: proof that the emulator
/// speaks Tencent's wire protocol, independent of our own client — including its slower habits: an accepted
/// cross-region peering activates after a delay, and a page may be capped below Limit.
/// </summary>
[Collection(SerialCollection.Name)]
public class OfficialSdkCompatibilityTests
{
    [Fact]
    public async Task The_official_node_sdk_completes_the_peering_and_route_flow_against_the_emulator()
    {
        var compatDir = Path.Combine(FindRepositoryRoot(), "tests", "sdk-compat");
        if (!Directory.Exists(Path.Combine(compatDir, "node_modules", "tencentcloud-sdk-nodejs")))
        {
            Assert.Fail("tests/sdk-compat/node_modules is missing: run `npm ci --prefix tests/sdk-compat` (from the repository root) first.");
        }

        await using var emu = await Emulator.StartAsync(o => o.PageCaps["DescribeVpcPeeringConnections"] = 1);
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = compatDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(compatDir, "official-sdk-smoke.mjs"));
        start.ArgumentList.Add("--base-url");
        start.ArgumentList.Add(emu.Server.BaseUrl.ToString());
        start.ArgumentList.Add("--page-cap");
        start.ArgumentList.Add("1");
        // Keep a developer's proxy settings from steering the SDK away from the emulator.
        start.Environment.Remove("http_proxy");
        start.Environment.Remove("HTTP_PROXY");

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception ex)
        {
            Assert.Fail($"`node` could not be started ({ex.Message}); install Node.js and run `npm ci --prefix tests/sdk-compat`.");
            return;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await process.WaitForExitAsync(timeout.Token);
            var output = await stdout;
            Assert.True(process.ExitCode == 0, $"official SDK smoke failed (exit {process.ExitCode}):\n{output}\n{await stderr}");

            using var report = JsonDocument.Parse(output);
            var root = report.RootElement;
            Assert.True(root.GetProperty("ok").GetBoolean());
            var results = root.GetProperty("results");
            Assert.Equal("InvalidParameterValue.Combination", results.GetProperty("crossRegionWithoutBandwidth").Str("code"));
            var peeringId = results.GetProperty("createVpcPeeringConnection").Str("PeeringConnectionId");
            Assert.Equal("PENDING", results.GetProperty("activation").Str("StateRightAfterAccept"));
            Assert.Equal("ACTIVE", results.GetProperty("describeVpcPeeringConnections").Str("State"));
            Assert.Equal((2, 1, 2), (results.GetProperty("pageCap").GetProperty("TotalCount").GetInt32(),
                results.GetProperty("pageCap").GetProperty("FirstPage").GetInt32(), results.GetProperty("pageCap").GetProperty("Seen").GetInt32()));
            Assert.Equal("gz", results.GetProperty("describeVpcPeeringConnections").Str("SourceRegion"));
            Assert.Equal(100000000002L, results.GetProperty("describeVpcPeeringConnections").GetProperty("DestinationUin").GetInt64());
            Assert.Equal(1, results.GetProperty("createRoutes").GetProperty("RouteId").GetInt32());
            Assert.Equal(20, results.GetProperty("modifyVpcPeeringConnection").GetProperty("Bandwidth").GetInt32());
            Assert.Equal("172.16.0.0/20", results.GetProperty("replaceRoutes").Str("New"));
            Assert.Equal("ResourceNotFound", results.GetProperty("error").Str("code"));

            // The emulator agrees with what the SDK saw.
            var state = emu.Server.Snapshot();
            Assert.Equal("ACTIVE", state.Peering(peeringId)!.State);
            var route = Assert.Single(state.RouteTable(Demo.AlphaPeeringTable)!.Routes);
            Assert.Equal(peeringId, route.GatewayId);
            Assert.Equal("172.16.0.0/20", route.DestinationCidrBlock);
            Assert.True(route.Enabled);
            Assert.Equal(20, state.Peering(peeringId)!.Bandwidth);
            Assert.Equal(0, emu.Server.Calls().ForAccount("(unauthenticated)").Total);
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "tests", "sdk-compat", "package.json")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No tests/sdk-compat/package.json above {AppContext.BaseDirectory}.");
    }
}
