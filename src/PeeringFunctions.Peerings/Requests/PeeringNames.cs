using System.Globalization;
using System.Text;

namespace PeeringFunctions.Peerings.Requests;

/// <summary>
/// What a peering name may hold, so it cannot hide what it says: it is shown to the receiver who consents and written
/// to Tencent and the logs. Names in any script are welcome (Tencent's own example is "研发测试使用"); invisible
/// characters are not, and neither is a word that mixes look-alike alphabets. No NuGet package offers the Unicode
/// security data (UTS #39) in a well-kept form, so this is a small subset of it, written out below.
/// </summary>
public static class PeeringNames
{
    /// <summary>Letters and digits of any script, space, '-', '_' and '.'; no controls, symbols or markup.</summary>
    public static bool IsPlainCharacter(char c) => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '.';

    /// <summary>
    /// True for a character that shows nothing: every format character (Unicode category Cf: zero-width spaces and
    /// joiners, bidirectional embeddings, overrides, isolates and marks, the byte order mark, soft hyphen) and the
    /// other Default_Ignorable_Code_Point characters, among them the Hangul fillers, which are letters (Lo) and so
    /// pass <see cref="IsPlainCharacter"/>.
    /// </summary>
    public static bool IsInvisible(Rune rune) =>
        Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format || IsDefaultIgnorable(rune.Value);

    /// <summary>
    /// The first word (split at spaces, '-', '_' and '.') whose letters come from more than one of Latin, Greek and
    /// Cyrillic, or null. That is UTS #39's mixed-script test narrowed to the alphabets whose letters look alike
    /// ('a' and Cyrillic 'а', 'o' and Greek 'ο'): "pаypal" with a Cyrillic 'а' is refused, while Han, Kana or Hangul
    /// next to Latin ("prod-研发", "研发DB") and separate words in different scripts ("prod сервер") are fine.
    /// </summary>
    public static string? FindMixedScriptWord(string name)
    {
        foreach (var word in name.Split([' ', '-', '_', '.'], StringSplitOptions.RemoveEmptyEntries))
        {
            var scripts = LookAlikeScript.None;
            foreach (var c in word)
            {
                scripts |= ScriptOf(c);
            }

            if (scripts is not (LookAlikeScript.None or LookAlikeScript.Latin or LookAlikeScript.Greek or LookAlikeScript.Cyrillic))
            {
                return word;
            }
        }

        return null;
    }

    [Flags]
    private enum LookAlikeScript
    {
        None = 0,
        Latin = 1,
        Greek = 2,
        Cyrillic = 4,
    }

    // Block ranges of the three scripts' letters (Unicode Scripts.txt, BMP only: names refuse surrogates anyway).
    private static LookAlikeScript ScriptOf(char c) => c switch
    {
        >= 'A' and <= 'Z' or >= 'a' and <= 'z' or '\u00AA' or '\u00BA' => LookAlikeScript.Latin,
        >= '\u00C0' and <= '\u024F' => LookAlikeScript.Latin, // Latin-1 letters, Latin Extended-A and -B
        >= '\u0250' and <= '\u02AF' => LookAlikeScript.Latin, // IPA extensions
        >= '\u1D00' and <= '\u1D7F' => LookAlikeScript.Latin, // phonetic extensions (mostly Latin small capitals)
        >= '\u1E00' and <= '\u1EFF' => LookAlikeScript.Latin, // Latin Extended Additional
        '\u212A' or '\u212B' => LookAlikeScript.Latin, // Kelvin sign, Angstrom sign
        >= '\u2C60' and <= '\u2C7F' or >= '\uA720' and <= '\uA7FF' or >= '\uAB30' and <= '\uAB64' => LookAlikeScript.Latin,
        >= '\uFB00' and <= '\uFB06' => LookAlikeScript.Latin, // ligatures ff, fi, …
        >= '\uFF21' and <= '\uFF3A' or >= '\uFF41' and <= '\uFF5A' => LookAlikeScript.Latin, // full-width
        >= '\u0370' and <= '\u03FF' or >= '\u1F00' and <= '\u1FFF' or '\u2126' or '\uAB65' => LookAlikeScript.Greek,
        >= '\u0400' and <= '\u052F' or >= '\u1C80' and <= '\u1C8F' => LookAlikeScript.Cyrillic,
        >= '\u2DE0' and <= '\u2DFF' or >= '\uA640' and <= '\uA69F' => LookAlikeScript.Cyrillic,
        _ => LookAlikeScript.None,
    };

    // Default_Ignorable_Code_Point (DerivedCoreProperties.txt) less what category Cf already covers.
    private static bool IsDefaultIgnorable(int value) => value switch
    {
        0x034F => true, // combining grapheme joiner
        0x115F or 0x1160 or 0x3164 or 0xFFA0 => true, // Hangul choseong and jungseong fillers, Hangul filler, half-width filler
        0x17B4 or 0x17B5 => true, // Khmer inherent vowels
        >= 0x180B and <= 0x180F => true, // Mongolian free variation selectors and vowel separator
        >= 0x2060 and <= 0x206F => true, // word joiner, invisible operators, reserved
        >= 0xFE00 and <= 0xFE0F => true, // variation selectors
        >= 0xFFF0 and <= 0xFFF8 => true, // reserved
        >= 0x1BCA0 and <= 0x1BCA3 => true, // shorthand format controls
        >= 0x1D173 and <= 0x1D17A => true, // musical symbol format controls
        >= 0xE0000 and <= 0xE0FFF => true, // tags and variation selectors supplement
        _ => false,
    };
}
