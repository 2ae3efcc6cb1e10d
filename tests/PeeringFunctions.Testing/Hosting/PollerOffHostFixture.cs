namespace PeeringFunctions.Testing.Hosting;

/// <summary>
/// The local host with its periodic acceptance poller switched off ("AcceptancePoll:Enabled" = false), so that only
/// the test decides (over the API, in chat, in Tencent's console, or by ticking the poller itself).
/// </summary>
public class PollerOffHostFixture : LocalHostFixture
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("AcceptancePoll:Enabled", "false")];
}
