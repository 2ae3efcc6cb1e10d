using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace PeeringFunctions.TencentCloud.Common.Json;

/// <summary>
/// The one serializer configuration used for request bodies and responses: compact, nulls omitted, names exactly
/// as declared (Tencent's PascalCase), and lenient when reading so an unexpected scalar type never fails a parse.
/// </summary>
internal static class TencentJson
{
    internal static JsonSerializerOptions Options { get; } = CreateOptions();

    internal static byte[] SerializeToUtf8Bytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    internal static T? Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options);

    internal static T? Deserialize<T>(JsonElement element) => element.Deserialize<T>(Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = false,
            // Reading only: accepts "20" where a number is declared. Writing still emits real JSON numbers.
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new LenientStringConverter());
        options.Converters.Add(new LenientBooleanConverter());

        // Immutable from here on: shared by every client and thread.
        options.MakeReadOnly();
        return options;
    }
}
