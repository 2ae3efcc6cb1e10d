using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TencentVpcEmulator.Http;

namespace TencentVpcEmulator.Control;

/// <summary>
/// The emulator's own API under /_emulator/ (not part of Tencent's): no auth, loopback callers only.
/// Every endpoint has an in-process twin on <see cref="TencentVpcEmulatorServer"/>.
/// </summary>
internal static class ControlEndpoints
{
    public const string Prefix = "/_emulator";

    public static void Map(IEndpointRouteBuilder app, TencentVpcEmulatorServer server)
    {
        var group = app.MapGroup(Prefix).AddEndpointFilter(async (context, next) =>
        {
            var remote = context.HttpContext.Connection.RemoteIpAddress;
            return remote is null || IPAddress.IsLoopback(remote)
                ? await next(context)
                : Results.Json(new { error = "the control API only answers loopback callers" }, JsonOutput.Control, statusCode: StatusCodes.Status403Forbidden);
        });

        group.MapGet("/state", () => Ok(server.Snapshot()));

        group.MapGet("/calls", () => Ok(server.Calls()));
        group.MapGet("/calls/writes", () => Ok(server.Writes()));
        group.MapDelete("/calls", () =>
        {
            server.ResetCalls();
            return Ok(new { ok = true });
        });

        group.MapGet("/latency", () => Ok(server.Latency()));
        group.MapPut("/latency", async (HttpContext http) =>
        {
            var body = await ReadAsync<LatencyRequest>(http);
            var action = body?.Action ?? LatencyTable.AnyAction;
            if (body is null || body.Milliseconds < 0 || !server.IsKnownActionOrAny(action))
            {
                return BadRequest("expected {\"action\":\"*\"|<known action>,\"milliseconds\":N>=0}");
            }

            server.SetLatency(action, TimeSpan.FromMilliseconds(body.Milliseconds));
            return Ok(server.Latency());
        });
        group.MapDelete("/latency", () =>
        {
            server.ClearLatency();
            return Ok(server.Latency());
        });

        group.MapGet("/faults", () => Ok(server.Faults()));
        group.MapPut("/faults", async (HttpContext http) =>
        {
            var rule = await ReadAsync<FaultRule>(http);
            if (rule is null || rule.Rate is < 0 or > 1 || string.IsNullOrWhiteSpace(rule.Code) || rule.Milliseconds < 0
                || rule.Count is < 0 || !server.IsKnownActionOrAny(rule.Action))
            {
                return BadRequest("expected {\"action\":\"*\"|<known action>,\"account\"?,\"rate\":0..1,\"code\":\"InternalError\",\"mode\":\"error\"|\"dropReply\"|\"delay\",\"milliseconds\"?,\"count\"?}");
            }

            if (server.UndocumentedFaultCode(rule) is { } problem)
            {
                return BadRequest(problem);
            }

            server.AddFault(rule);
            return Ok(server.Faults());
        });
        group.MapDelete("/faults", () =>
        {
            server.ClearFaults();
            return Ok(server.Faults());
        });

        group.MapGet("/ratelimits", () => Ok(server.RateLimits()));
        group.MapPut("/ratelimits", async (HttpContext http) =>
        {
            var body = await ReadAsync<RateLimitRequest>(http);
            if (body is null || (body.PerSecond?.Any(kv => kv.Value < 1 || !server.IsKnownActionOrAny(kv.Key)) ?? false))
            {
                return BadRequest("expected {\"enabled\":true|false,\"perSecond\"?:{\"<action>|*\":N>=1}}");
            }

            server.ConfigureRateLimits(body.Enabled, body.PerSecond);
            return Ok(server.RateLimits());
        });

        group.MapGet("/activation", () => Ok(server.Activation()));
        group.MapPut("/activation", async (HttpContext http) =>
        {
            var body = await ReadAsync<ActivationRequest>(http);
            if (body?.ToOptions(server.Activation()) is not { } settings || body.FailNext is < 0)
            {
                return BadRequest("expected {\"crossRegionSeconds\"?:N>=0,\"intraRegionSeconds\"?:N>=0,\"byRegionPair\"?:{\"<source-region>><destination-region>\":N>=0},\"failNext\"?:N>=0}");
            }

            server.ConfigureActivation(settings);
            if (body.FailNext is { } failNext)
            {
                server.FailNextActivations(failNext);
            }

            return Ok(server.Activation());
        });

        group.MapGet("/clock", () => Ok(ClockView(server)));
        group.MapPost("/clock", async (HttpContext http) =>
        {
            var body = await ReadAsync<ClockRequest>(http);
            if (body is null || body.AdvanceSeconds < 0 || double.IsNaN(body.AdvanceSeconds))
            {
                return BadRequest("expected {\"advanceSeconds\":N>=0}");
            }

            server.AdvanceClock(TimeSpan.FromSeconds(body.AdvanceSeconds));
            return Ok(ClockView(server));
        });

        group.MapPost("/vpcs/{vpcId}/assistant-cidrs", async (HttpContext http, string vpcId) =>
        {
            var body = await ReadAsync<AssistantCidrRequest>(http);
            return body?.CidrBlock is { } cidr
                ? ChangeVpc(server, vpcId, () => server.AddAssistantCidr(vpcId, cidr))
                : BadRequest("expected {\"cidrBlock\":\"10.12.0.0/16\"}");
        });
        group.MapDelete("/vpcs/{vpcId}/assistant-cidrs", (string vpcId, string? cidrBlock) => cidrBlock is null
            ? BadRequest("expected ?cidrBlock=10.12.0.0/16")
            : ChangeVpc(server, vpcId, () => server.RemoveAssistantCidr(vpcId, cidrBlock)));

        group.MapPost("/reset", () =>
        {
            server.Reset();
            return Ok(new { ok = true });
        });
    }

    /// <summary>Runs a change to one VPC: 404 for an unknown VPC, 400 for a refused change, else the VPC as it is now.</summary>
    private static IResult ChangeVpc(TencentVpcEmulatorServer server, string vpcId, Action change)
    {
        try
        {
            change();
        }
        catch (KeyNotFoundException error)
        {
            return Results.Json(new { error = error.Message }, JsonOutput.Control, statusCode: StatusCodes.Status404NotFound);
        }
        catch (ArgumentException error)
        {
            return BadRequest(error.Message);
        }

        return Ok(server.Snapshot().Vpcs.Single(v => v.VpcId == vpcId));
    }

    private static object ClockView(TencentVpcEmulatorServer server) =>
        new { now = server.Now, unixSeconds = server.Now.ToUnixTimeSeconds(), offsetSeconds = server.ClockOffset.TotalSeconds };

    private static IResult Ok(object value) => Results.Json(value, JsonOutput.Control);

    private static IResult BadRequest(string message) =>
        Results.Json(new { error = message }, JsonOutput.Control, statusCode: StatusCodes.Status400BadRequest);

    private static async Task<T?> ReadAsync<T>(HttpContext http)
        where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(http.Request.Body, JsonOutput.Control, http.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
