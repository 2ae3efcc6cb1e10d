using System.Text.Json;
using System.Text.Json.Serialization;

namespace PeeringFunctions.TencentCloud.Common.Json;

/// <summary>
/// Reads booleans that arrive as <c>true</c>/<c>false</c>, <c>"true"</c>/<c>"TRUE"</c>/<c>"false"</c> or
/// <c>1</c>/<c>0</c> (the API passes booleans as strings in filters). Writes real JSON booleans.
/// </summary>
internal sealed class LenientBooleanConverter : JsonConverter<bool>
{
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Number when reader.TryGetInt64(out var number):
                return number != 0;
            case JsonTokenType.String:
                var text = reader.GetString()?.Trim();
                if (bool.TryParse(text, out var parsed))
                {
                    return parsed;
                }

                if (text == "1")
                {
                    return true;
                }

                if (text == "0" || string.IsNullOrEmpty(text))
                {
                    return false;
                }

                break;
        }

        throw new JsonException($"Cannot read a boolean from a JSON {reader.TokenType}.");
    }

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) =>
        writer.WriteBooleanValue(value);
}
