namespace PeeringFunctions.Registry.TableStorage;

/// <summary>Azure Table Storage's table-name rule: 3-63 ASCII letters and digits, starting with a letter; "tables" is reserved.</summary>
public static class TableNames
{
    public static bool IsValid(string? name) =>
        name is { Length: >= 3 and <= 63 }
        && char.IsAsciiLetter(name[0])
        && name.All(char.IsAsciiLetterOrDigit)
        && !string.Equals(name, "tables", StringComparison.OrdinalIgnoreCase);
}
