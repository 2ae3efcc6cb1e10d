using System.Net;
using System.Text;
using System.Text.Json;
using TencentVpcEmulator.Actions;
using TencentVpcEmulator.Tests.Support;

namespace TencentVpcEmulator.Tests;

/// <summary>
/// The fault API injects only what Tencent documents for the action (its own list or a common code), so a fault
/// campaign never teaches a client to expect a code it cannot meet on Tencent.
/// </summary>
public class FaultCodeTests
{
    [Fact]
    public async Task The_fault_api_accepts_exactly_the_codes_documented_for_each_action_or_common_to_all()
    {
        await using var emu = await Emulator.StartAsync();
        var everyCode = DocumentedCodes.ByAction.Values.SelectMany(c => c).Concat(DocumentedCodes.Common).Append("Boom.NotACode")
            .Distinct(StringComparer.Ordinal).ToList();
        var disagreements = new List<string>();
        foreach (var action in new ActionRegistry().All.Select(a => a.Name))
        {
            foreach (var code in everyCode)
            {
                var accepted = TryAdd(emu, new FaultRule { Action = action, Code = code });
                if (accepted != DocumentedCodes.AllowsInjection(action, code))
                {
                    disagreements.Add($"{action} {code}: {(accepted ? "accepted" : "refused")}");
                }
            }
        }

        Assert.True(disagreements.Count == 0, string.Join("; ", disagreements));
    }

    [Fact]
    public async Task A_fault_for_every_action_takes_only_a_code_every_action_documents()
    {
        await using var emu = await Emulator.StartAsync();

        Assert.True(TryAdd(emu, new FaultRule { Action = "*", Code = "ResourceUnavailable" }));
        Assert.False(TryAdd(emu, new FaultRule { Action = "*", Code = "UnsupportedOperation.MutexOperationTaskRunning" }));
        Assert.False(TryAdd(emu, new FaultRule { Action = "*", Code = "InvalidParameterValue.Duplicate" }));

        // A dropped reply or a delay has no code to check.
        Assert.True(TryAdd(emu, new FaultRule { Action = "DescribeVpcs", Code = "Boom.NotACode", Mode = FaultMode.DropReply }));
    }

    [Fact]
    public async Task An_undocumented_code_is_refused_over_http_with_a_400_that_names_the_code_and_the_action()
    {
        await using var emu = await Emulator.StartAsync();
        using var content = new StringContent("""{"action":"DescribeVpcs","code":"UnsupportedOperation.MutexOperationTaskRunning"}""", Encoding.UTF8, "application/json");
        using var response = await emu.Http.PutAsync("/_emulator/faults", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = body.RootElement.GetProperty("error").GetString()!;
        Assert.Contains("UnsupportedOperation.MutexOperationTaskRunning", error, StringComparison.Ordinal);
        Assert.Contains("DescribeVpcs", error, StringComparison.Ordinal);
        Assert.Empty(emu.Server.Faults());
    }

    [Fact]
    public async Task The_receiver_can_be_made_to_meet_InternalServerError_on_accept_and_the_request_stays_pending()
    {
        await using var emu = await Emulator.StartAsync();
        var id = await emu.CreateAlphaToBetaAsync();
        using var content = new StringContent("""{"action":"AcceptVpcPeeringConnection","code":"InternalServerError","count":1}""", Encoding.UTF8, "application/json");
        using var response = await emu.Http.PutAsync("/_emulator/faults", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        Api.Error(await emu.Beta("AcceptVpcPeeringConnection", new { PeeringConnectionId = id }), "InternalServerError");
        Assert.Equal("PENDING", emu.Server.Snapshot().Peering(id)!.State);

        Api.Ok(await emu.Beta("AcceptVpcPeeringConnection", new { PeeringConnectionId = id }));
        emu.Server.AdvanceClock(TimeSpan.FromSeconds(emu.Server.Activation().CrossRegionSeconds)); // the cross-region activation
        Assert.Equal("ACTIVE", emu.Server.Snapshot().Peering(id)!.State);
    }

    private static bool TryAdd(Emulator emu, FaultRule rule)
    {
        try
        {
            emu.Server.AddFault(rule);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
        finally
        {
            emu.Server.ClearFaults();
        }
    }
}
