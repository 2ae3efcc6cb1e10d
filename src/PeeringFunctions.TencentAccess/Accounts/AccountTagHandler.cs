using PeeringFunctions.TencentCloud.Common;

namespace PeeringFunctions.TencentAccess.Accounts;

/// <summary>
/// Names the account alias on the span of the Tencent call being sent (<see cref="TencentTelemetry.CurrentCall"/>): the
/// SDK-shaped client knows its credential, never which of our accounts it belongs to. The alias only, never the UIN's keys.
/// </summary>
public sealed class AccountTagHandler(string account) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        TencentTelemetry.CurrentCall()?.SetTag(TencentTelemetry.Tags.Account, account);
        return base.SendAsync(request, cancellationToken);
    }
}
