using System.Text.Json;

namespace PeeringFunctions.Benchmarks.Reporting;

public enum Verdict
{
    /// <summary>A figure with no goal of its own: context for the others.</summary>
    Info,
    Met,
    Missed,
}

/// <summary>One line of the table: a measured figure beside its goal.</summary>
/// <param name="Why">For a missed goal, what was measured that explains it (printed under the table).</param>
public sealed record Row(string Scenario, string Figure, string Measured, string Goal, Verdict Verdict, string? Why = null)
{
    public const string Marker = "@@ROW ";

    public static Row Check(string scenario, string figure, double measured, double limit, Func<double, string> format, string? why = null, string? goalText = null) =>
        new(scenario, figure, format(measured), goalText ?? "≤ " + format(limit), measured <= limit ? Verdict.Met : Verdict.Missed, measured <= limit ? null : why);

    public static Row Info(string scenario, string figure, string measured, string? note = null) =>
        new(scenario, figure, measured, note ?? "—", Verdict.Info);

    public string ToLine() => Marker + JsonSerializer.Serialize(this);

    public static Row? FromLine(string line) =>
        line.StartsWith(Marker, StringComparison.Ordinal) ? JsonSerializer.Deserialize<Row>(line[Marker.Length..]) : null;

    public string VerdictText => Verdict switch
    {
        Verdict.Met => "met",
        Verdict.Missed => "**MISSED**",
        _ => "",
    };
}

public static class Units
{
    public static string Ms(double milliseconds) => $"{milliseconds:N0} ms";

    public static string S(double seconds) => $"{seconds:N1} s";

    public static string Mb(double megabytes) => $"{megabytes:N0} MB";

    public static string Count(double count) => $"{count:N0}";
}
