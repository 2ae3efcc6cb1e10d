using System.Text.Json;

namespace PeeringFunctions.Registry.Tests.Support;

/// <summary>Registry records to write, and a by-value comparison (records with list members compare lists by reference).</summary>
public static class Records
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public static RegisteredPeering Peering(string id, string state = RegistryStates.Active, int routes = 1) => new(
        id,
        $"name of {id}",
        state,
        state == RegistryStates.Requested ? null : "pcx-" + Math.Abs(id.GetHashCode(StringComparison.Ordinal)).ToString("x8", System.Globalization.CultureInfo.InvariantCulture),
        new RegisteredSide(
            "alpha", null, "ap-shanghai", "vpc-alpha001", "rtb-alpha001",
            [.. Enumerable.Range(0, routes).Select(i => $"10.{i}.0.0/16")],
            [.. Enumerable.Range(0, routes).Select(i => $"rti-{i}")],
            [new RegisteredAssociation("subnet-a1", "rtb-main-a", "rtb-alpha001")]),
        new RegisteredSide(
            null, "100000000099", "ap-guangzhou", "vpc-beta001", null, ["172.16.0.0/16"], [], []),
        Start.AddMinutes(routes).AddTicks(1234567),
        "Verified: routes on both sides.");

    /// <summary>A health with one current finding and a history of two events.</summary>
    public static PeeringHealth DriftedHealth() => new(
        HealthStatuses.Drifted,
        Start.AddHours(1),
        [new DriftFinding(DriftKinds.RouteMissing, FindingSides.Initiator, "10.0.0.0/16", "The route to 10.0.0.0/16 is gone from rtb-alpha001.", Start.AddHours(1))],
        [new HealthEvent(Start.AddMinutes(30), HealthEventKinds.Repaired, "Re-created the route to 10.1.0.0/16."),
         new HealthEvent(Start.AddHours(1), HealthEventKinds.Found, "The route to 10.0.0.0/16 is gone from rtb-alpha001.")]);

    public static string Json(RegisteredPeering? peering) => JsonSerializer.Serialize(peering);

    public static void AssertSame(RegisteredPeering expected, RegisteredPeering? actual) => Assert.Equal(Json(expected), Json(actual));
}
