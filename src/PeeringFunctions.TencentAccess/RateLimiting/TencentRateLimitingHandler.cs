using System.Net;
using System.Text;
using System.Text.Json;
using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentAccess.Accounts;

namespace PeeringFunctions.TencentAccess.RateLimiting;

/// <summary>
/// The outermost handler of one account's Tencent HTTP client (<see cref="TencentClientFactory"/> puts it in front
/// of the IHttpClientFactory pipeline): every request waits for its (account, X-TC-Action) slot, and a request
/// Tencent still answers with RequestLimitExceeded cuts that limiter's rate and is sent again after a jittered
/// backoff. Re-sending is safe for writes too: Tencent refuses a throttled request before executing it.
/// </summary>
/// <remarks>
/// The signed request is re-sent unchanged; its X-TC-Timestamp stays valid for five minutes, far longer than the
/// retries take. The SDK-shaped client in PeeringFunctions.TencentCloud knows nothing of this.
/// </remarks>
public sealed class TencentRateLimitingHandler(TencentRateLimiter limits, string account) : DelegatingHandler
{
    private const string ActionHeader = "X-TC-Action";
    private static readonly byte[] ThrottleMarker = Encoding.UTF8.GetBytes("\"" + TencentErrorCodes.RequestLimitExceeded);

    public string Account { get; } = account;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var action = request.Headers.TryGetValues(ActionHeader, out var values) ? values.FirstOrDefault() : null;
        if (action is null || !limits.Enabled)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var limiter = limits.For(Account, action);
        var settings = limits.Settings;
        var time = limits.Time;
        byte[]? body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; ; attempt++)
        {
            var queued = time.GetTimestamp();
            using (var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false))
            {
                if (!lease.IsAcquired)
                {
                    limits.CountRefused();
                    RateLimitTelemetry.ThrottledCall(action, RateLimitTelemetry.ByClient);
                    lease.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var after);
                    return ClientSideThrottle(request, action, after, settings.MaxWait);
                }
            }

            await limiter.SpaceDepartureAsync(cancellationToken).ConfigureAwait(false);
            var waited = time.GetElapsedTime(queued);
            limits.CountAdmitted(waited);
            RateLimitTelemetry.Waited(action, waited);
            var sentAt = limiter.Timestamp();
            var sent = time.GetTimestamp();
            var message = attempt == 0 ? request : Copy(request, body);
            var response = await base.SendAsync(message, cancellationToken).ConfigureAwait(false);
            if (!await IsThrottledAsync(response, cancellationToken).ConfigureAwait(false))
            {
                return response;
            }

            limits.CountThrottled();
            RateLimitTelemetry.ThrottledCall(action, RateLimitTelemetry.ByTencent);
            limiter.OnThrottled(sentAt);
            if (attempt >= settings.MaxThrottleRetries)
            {
                return response; // the activity sees RequestLimitExceeded: transient, so the durable retry policy takes over
            }

            response.Dispose();
            // Tencent answered this attempt: tencent.calls counts it, so it matches what Tencent (or the emulator) counted.
            TencentTelemetry.CountResentAnswer(action, TencentErrorCodes.RequestLimitExceeded, time.GetElapsedTime(sent));
            limits.CountResent();
            await Task.Delay(Backoff(attempt), time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Jittered exponential backoff: 0.25 s, 0.5 s, 1 s, … (at most 4 s), each ±50 %.</summary>
    public static TimeSpan Backoff(int attempt)
    {
        var seconds = Math.Min(4.0, 0.25 * Math.Pow(2, attempt));
#pragma warning disable CA5394 // Jitter, not security.
        return TimeSpan.FromSeconds(seconds * (0.5 + Random.Shared.NextDouble()));
#pragma warning restore CA5394
    }

    /// <summary>True for Tencent's HTTP 200 error envelope with a RequestLimitExceeded[.*] code.</summary>
    public static async Task<bool> IsThrottledAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return false;
        }

        // Buffers the body; the client reads the same buffer afterwards.
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (bytes.AsSpan().IndexOf(ThrottleMarker) < 0)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("Response", out var envelope) && envelope.ValueKind == JsonValueKind.Object
                && envelope.TryGetProperty("Error", out var error) && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("Code", out var code) && code.ValueKind == JsonValueKind.String
                && TencentErrorCodes.IsOrIsUnder(code.GetString(), TencentErrorCodes.RequestLimitExceeded);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static HttpRequestMessage Copy(HttpRequestMessage original, byte[]? body)
    {
        var copy = new HttpRequestMessage(original.Method, original.RequestUri)
        {
            Version = original.Version,
            VersionPolicy = original.VersionPolicy,
        };
        foreach (var header in original.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (body is not null)
        {
            copy.Content = new ByteArrayContent(body);
            foreach (var header in original.Content!.Headers)
            {
                copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return copy;
    }

    /// <summary>
    /// Our own refusal, shaped like Tencent's so the client raises the usual transient RequestLimitExceeded. It never
    /// reached Tencent, which the message says.
    /// </summary>
    private static HttpResponseMessage ClientSideThrottle(HttpRequestMessage request, string action, object? retryAfter, TimeSpan maxWait)
    {
        var wait = retryAfter is TimeSpan after ? after.TotalSeconds : maxWait.TotalSeconds;
        var message = $"Client-side rate limit: {action} would have waited {wait:0.0} s for its turn (more than {maxWait.TotalSeconds:0} s); it was not sent to Tencent.";
        var json = JsonSerializer.Serialize(new { Response = new { Error = new { Code = TencentErrorCodes.RequestLimitExceeded, Message = message } } });
        return new HttpResponseMessage(HttpStatusCode.OK)
        {
            RequestMessage = request,
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
    }
}
