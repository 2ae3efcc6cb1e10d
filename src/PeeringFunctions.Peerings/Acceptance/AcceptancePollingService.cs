using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PeeringFunctions.Peerings.Acceptance;

/// <summary>The same poll as the Functions timer trigger (PollAcceptances), every AcceptancePoll:Interval.</summary>
public sealed class AcceptancePollingService(
    AcceptancePoller poller,
    DurableTaskClient durable,
    IOptions<AcceptancePollingOptions> options,
    TimeProvider timeProvider,
    ILogger<AcceptancePollingService> logger) : PeriodicTickService(timeProvider, logger)
{
    protected override string WorkName => "Acceptance poll";

    protected override bool Enabled => options.Value.Enabled;

    protected override TimeSpan Interval => options.Value.Interval;

    protected override Task TickAsync(CancellationToken cancellationToken) => poller.PollAsync(durable, cancellationToken);
}
