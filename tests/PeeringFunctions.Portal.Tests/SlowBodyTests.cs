using Microsoft.Extensions.Logging;
using PeeringFunctions.LocalHost.Hosting;
using PeeringFunctions.Portal.Tests.Support;

namespace PeeringFunctions.Portal.Tests;

/// <summary>
/// A body that stalls — headers sent, then a trickle, then nothing — ends as 408 once Kestrel's minimum data rate
/// gives up (here after 2 s), answered by the app like any other refusal: no "unhandled exception" in the log.
/// </summary>
public sealed class SlowBodyTests(SlowBodyTests.SlowBodyHost host) : IClassFixture<SlowBodyTests.SlowBodyHost>, IAsyncLifetime
{
    public static TheoryData<string, string> Routes => new()
    {
        { "/api/peerings", "application/json" },
        { "/api/portal/new", "application/x-www-form-urlencoded" },
        { "/api/chat/teams", "application/json" },
    };

    public Task InitializeAsync() => host.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task A_stalled_body_ends_as_408_without_an_unhandled_exception_in_the_log(string path, string contentType)
    {
        var status = await RawHttp.SendAndHoldBackAsync(
            host.Host.BaseUrl, "POST", path,
            [("Content-Type", contentType), ("Origin", host.Host.BaseUrl.GetLeftPart(UriPartial.Authority))],
            "{\"na"u8.ToArray(), TimeSpan.FromSeconds(15), chunked: false, declaredLength: 10_000);

        Assert.Equal(408, status);
        Assert.DoesNotContain(host.Logs.Lines, line => line.Contains("unhandled exception", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(0, host.Emulator.Calls().Totals.Writes);
    }

    public sealed class SlowBodyHost : PortalHostFixture
    {
        internal LogSink Logs { get; } = new();

        protected override void Configure(LocalHostOptions options)
        {
            options.RequestBodyGracePeriod = TimeSpan.FromSeconds(2);
            options.ConfigureWebLogging = logging => logging.AddProvider(Logs);
        }
    }
}
