using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace PeeringFunctions.FaultCampaign.Tests.Support;

/// <summary>
/// Sits in the workflow's "tencent" HTTP pipeline (inside the client-side rate limiter, so it sees every attempt) and
/// counts what each Tencent call met: an error code, a dropped connection, or no reply within
/// <see cref="AttemptTimeout"/>. It also gives each attempt that timeout: the client's own is 60 s, far longer than an
/// injected hang in a test should take. A timed-out attempt fails the way the client's own timeout does (cancellation,
/// which the client reports as a transient network failure); the emulator then abandons the call without performing it.
/// </summary>
internal sealed partial class FaultObserver
{
    private readonly ConcurrentDictionary<string, int> counts = new(StringComparer.Ordinal);

    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(1.5);

    /// <summary>Calls that met each outcome: "ok", an error code such as "InternalError", "dropped", "timeout".</summary>
    public IReadOnlyDictionary<string, int> Counts => counts.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);

    public int Count(string outcome) => counts.TryGetValue(outcome, out var n) ? n : 0;

    public DelegatingHandler CreateHandler() => new Handler(this);

    private void Record(string outcome) => counts.AddOrUpdate(outcome, 1, (_, n) => n + 1);

    [GeneratedRegex("\"Error\"\\s*:\\s*\\{\\s*\"Code\"\\s*:\\s*\"([^\"]+)\"")]
    private static partial Regex ErrorCode();

    private sealed class Handler(FaultObserver observer) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attempt.CancelAfter(observer.AttemptTimeout);
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, attempt.Token);
                await response.Content.LoadIntoBufferAsync(attempt.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                observer.Record("timeout");
                throw new TaskCanceledException($"No reply within {observer.AttemptTimeout.TotalSeconds} s (test attempt timeout).", new TimeoutException());
            }
            catch (HttpRequestException)
            {
                observer.Record("dropped");
                throw;
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var code = ErrorCode().Match(body);
            observer.Record(code.Success ? code.Groups[1].Value : "ok");
            return response;
        }
    }
}
