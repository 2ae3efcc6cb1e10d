using System.Globalization;
using System.Text;

namespace PeeringFunctions.Registry.TableStorage;

/// <summary>
/// A record id as a RowKey. Table Storage refuses '/', '\', '#', '?' and control characters (U+0000-U+001F,
/// U+007F-U+009F) in keys; each of those, and '%' itself, becomes %XX (its code as two hex digits), so ids such as
/// peering-vpc-abc-vpc-def stay as they are and two different ids never share a key.
/// </summary>
public static class RowKeys
{
    /// <summary>Table Storage's limit on a key: 1 KiB, i.e. 512 UTF-16 characters.</summary>
    public const int MaxLength = 512;

    /// <exception cref="ArgumentException">The id is empty, or too long for a key once escaped.</exception>
    public static string FromId(string id)
    {
        if (string.IsNullOrEmpty(id))
        {
            throw new ArgumentException("A registered peering needs a non-empty id.", nameof(id));
        }

        var key = new StringBuilder(id.Length);
        foreach (var character in id)
        {
            if (MustEscape(character))
            {
                key.Append('%').Append(((int)character).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                key.Append(character);
            }
        }

        return key.Length <= MaxLength
            ? key.ToString()
            : throw new ArgumentException(
                $"A registered peering's id must fit a Table Storage key ({MaxLength} characters once escaped); this one is {key.Length}.", nameof(id));
    }

    private static bool MustEscape(char character) =>
        character is '/' or '\\' or '#' or '?' or '%' || char.IsControl(character);
}
