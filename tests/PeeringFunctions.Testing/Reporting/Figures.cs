using System.Globalization;

namespace PeeringFunctions.Testing.Reporting;

/// <summary>
/// The figures a test prints: to xunit's output (shown by dotnet test -logger "console;verbosity=detailed" and in
/// .trx files) and appended to reliability-figures.txt beside the test assembly, so a run leaves them readable.
/// </summary>
public sealed class Figures(ITestOutputHelper output, string test)
{
    private static readonly Lock FileGate = new();

    public static string FilePath => Path.Combine(AppContext.BaseDirectory, "reliability-figures.txt");

    public void Line(FormattableString line) => Line(line.ToString(CultureInfo.InvariantCulture));

    public void Line(string line)
    {
        output.WriteLine(line);
        lock (FileGate)
        {
            File.AppendAllText(FilePath, $"[{test}] {line}{Environment.NewLine}");
        }
    }
}
