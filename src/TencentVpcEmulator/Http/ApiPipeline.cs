using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using TencentVpcEmulator.Actions;
using TencentVpcEmulator.Control;
using TencentVpcEmulator.Protocol;
using TencentVpcEmulator.State;

namespace TencentVpcEmulator.Http;

/// <summary>
/// Serves Tencent API 3.0 at "/": always HTTP 200 with {"Response":{...,"RequestId"}} or the Error envelope.
/// Order: latency → method → X-TC-Action/Version present → signature → action known → version → region →
/// rate limit → injected fault → body parameters → handler (under the store lock, never across an await).
/// </summary>
internal sealed class ApiPipeline(EmulatorRuntime runtime, ILogger<ApiPipeline> logger)
{
    public const string Version = "2017-03-12";
    private const int MaxBodyBytes = 10 * 1024 * 1024;

    public async Task HandleAsync(HttpContext http)
    {
        var requestId = Guid.NewGuid().ToString("D");
        var outcome = new CallOutcome();
        JsonObject response;
        try
        {
            var body = await ReadBodyAsync(http.Request, http.RequestAborted);
            var request = new ApiRequest(
                http.Request.Method,
                string.IsNullOrEmpty(http.Request.Path.Value) ? "/" : http.Request.Path.Value,
                http.Request.QueryString.HasValue ? http.Request.QueryString.Value![1..] : "",
                http.Request.Headers,
                body);
            response = await ProcessAsync(request, outcome, http.RequestAborted);
        }
        catch (ApiException ex)
        {
            response = ErrorBody(ex.Code, ex.Message);
            outcome.IsError = true;
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return;
        }
#pragma warning disable CA1031 // Anything unexpected must still become Tencent's InternalError envelope.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "Unhandled error for action {Action}", outcome.Action);
            var code = outcome.Action is { } action && runtime.Actions.TryGet(action, out var failed) ? failed.Errors.Internal : ErrorCodes.InternalError;
            response = ErrorBody(code, "An internal error occurred.");
            outcome.IsError = true;
        }

        outcome.RequestId = requestId;
        runtime.Calls.Record(outcome);
        if (outcome.ReplyDropped)
        {
            // The write happened; the client must not learn its result.
            http.Abort();
            return;
        }

        response["RequestId"] = requestId;
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json";
        if (http.Request.Headers.TryGetValue("X-TC-TraceId", out var traceId))
        {
            http.Response.Headers["X-TC-TraceId"] = traceId;
        }

        await WriteReplyAsync(http.Response, new JsonObject { ["Response"] = response }, http.RequestAborted);
    }

    /// <summary>
    /// The same bytes ToJsonString(JsonOutput.Api) would give, written as UTF-8 straight from the node tree: no string
    /// in between to build and then encode again.
    /// </summary>
    private static async Task WriteReplyAsync(HttpResponse response, JsonObject reply, CancellationToken ct)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, JsonOutput.ApiWriter))
        {
            reply.WriteTo(writer, JsonOutput.Api);
        }

        await response.Body.WriteAsync(buffer.WrittenMemory, ct);
    }

    private async Task<JsonObject> ProcessAsync(ApiRequest request, CallOutcome outcome, CancellationToken ct)
    {
        var actionName = request.Header("X-TC-Action")?.Trim();
        if (!string.IsNullOrEmpty(actionName))
        {
            outcome.Action = actionName;
        }

        var latency = runtime.Latency.For(actionName);
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, ct);
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            throw new ApiException(ErrorCodes.UnsupportedProtocol,
                $"The emulator serves HTTP POST with a JSON body only (got {request.Method}).");
        }

        if (string.IsNullOrEmpty(actionName))
        {
            throw new ApiException(ErrorCodes.MissingParameter, "The request is missing a required parameter `X-TC-Action`.");
        }

        var version = request.Header("X-TC-Version")?.Trim();
        if (string.IsNullOrEmpty(version))
        {
            throw new ApiException(ErrorCodes.MissingParameter, "The request is missing a required parameter `X-TC-Version`.");
        }

        var caller = runtime.Authenticator.Authenticate(request);
        outcome.Account = caller.Name;

        if (!runtime.Actions.TryGet(actionName, out var handler))
        {
            throw new ApiException(ErrorCodes.InvalidAction, $"The action `{actionName}` does not exist or is not supported by the emulator.");
        }

        outcome.IsWrite = handler.IsWrite;
        if (version != Version)
        {
            throw new ApiException(ErrorCodes.NoSuchVersion, $"The API version `{version}` does not exist; the VPC API version is {Version}.");
        }

        var region = request.Header("X-TC-Region")?.Trim();
        if (string.IsNullOrEmpty(region))
        {
            throw new ApiException(ErrorCodes.MissingParameter, "The request is missing a required parameter `X-TC-Region`.");
        }

        if (!RegionCodes.IsKnown(region))
        {
            throw new ApiException(ErrorCodes.UnsupportedRegion, $"The region `{region}` is not supported.");
        }

        if (!runtime.RateLimits.TryEnter(caller.Name, handler.Name, handler.RateLimitPerSecond))
        {
            outcome.Throttled = true;
            throw new ApiException(ErrorCodes.RequestLimitExceeded,
                $"Your current request times equals to `{runtime.RateLimits.LimitFor(handler.Name, handler.RateLimitPerSecond)}` in a second, which exceeds the frequency limit for this action.");
        }

        var fault = runtime.Faults.Decide(handler.Name, caller.Name, caller.Uin);
        if (fault is not null)
        {
            outcome.FaultInjected = true;
            switch (fault.Mode)
            {
                case FaultMode.Error:
                    throw new ApiException(fault.Code, fault.Message ?? $"Injected fault: {fault.Code}.");
                case FaultMode.Delay:
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(0, fault.Milliseconds)), ct);
                    break;
                case FaultMode.DropReply:
                    outcome.ReplyDropped = true;
                    break;
            }
        }

        var parameters = RequestParameters.Validate(ParseBody(request.Body, handler.Errors), handler.Schema, handler.Errors);
        var now = runtime.Clock.UtcNow;
        lock (runtime.Store.Gate)
        {
            runtime.Store.CatchUp(now, runtime.Options.PendingExpiry);
            return handler.Execute(new ActionContext(caller, region, parameters, runtime.Store, now, runtime.Options, runtime.Activation, handler.Errors));
        }
    }

    private static JsonObject ParseBody(byte[] body, ActionErrors errors)
    {
        if (body.Length == 0)
        {
            return new JsonObject();
        }

        try
        {
            return JsonNode.Parse(body) as JsonObject
                ?? throw new ApiException(errors.WrongType, "The request body must be a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new ApiException(errors.WrongType, $"The request body is not valid JSON: {ex.Message}");
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        // Bodies are small JSON documents: a buffer of the announced length (when sane) avoids growing and copying.
        var expected = request.ContentLength is { } length and > 0 and <= MaxBodyBytes ? (int)length : 0;
        using var buffer = new MemoryStream(expected);
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk.AsMemory(0, 16 * 1024), ct)) > 0)
            {
                if (buffer.Length + read > MaxBodyBytes)
                {
                    throw new ApiException(ErrorCodes.RequestSizeLimitExceeded, "The request body exceeds the size limit.");
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        // The exact length announced and read: the buffer itself, not a copy.
        return buffer.Length == buffer.Capacity && buffer.TryGetBuffer(out var whole) && whole.Offset == 0 && whole.Count == whole.Array!.Length
            ? whole.Array
            : buffer.ToArray();
    }

    private static JsonObject ErrorBody(string code, string message) => new()
    {
        ["Error"] = new JsonObject { ["Code"] = code, ["Message"] = message },
    };
}
