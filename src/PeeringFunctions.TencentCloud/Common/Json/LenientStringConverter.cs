using System.Text.Json;
using System.Text.Json.Serialization;

namespace PeeringFunctions.TencentCloud.Common.Json;

/// <summary>
/// Reads a string-typed field even when Tencent sends a number, boolean, object or array there (kept as its raw
/// JSON text), so a type drift in an unused field cannot fail a whole Describe call. Writes plain strings.
/// </summary>
internal sealed class LenientStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            default:
                using (var document = JsonDocument.ParseValue(ref reader))
                {
                    return document.RootElement.GetRawText();
                }
        }
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}
