using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using TencentVpcEmulator.Http;

namespace TencentVpcEmulator.Protocol;

/// <summary>
/// Part of a reply written as JSON while the store lock is held (so it shows the records as they were then), and
/// carried in the reply's node tree as one value: the reply's sets skip a node per field and are copied as they are.
/// </summary>
[JsonConverter(typeof(Converter))]
internal sealed class RenderedJson
{
    private static readonly JsonTypeInfo<RenderedJson> TypeInfo = JsonMetadataServices.CreateValueInfo<RenderedJson>(JsonOutput.Api, new Converter());

    private readonly ReadOnlyMemory<byte> _utf8;

    private RenderedJson(ReadOnlyMemory<byte> utf8) => _utf8 = utf8;

    /// <summary>A JSON array of <paramref name="items"/>, each written by <paramref name="write"/> with the replies' writer settings.</summary>
    public static JsonNode Array<T>(IEnumerable<T> items, Action<Utf8JsonWriter, T> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, JsonOutput.ApiWriter))
        {
            writer.WriteStartArray();
            foreach (var item in items)
            {
                write(writer, item);
            }

            writer.WriteEndArray();
        }

        return JsonValue.Create(new RenderedJson(buffer.WrittenMemory), TypeInfo)!; // null only for a null value
    }

    private sealed class Converter : JsonConverter<RenderedJson>
    {
        public override RenderedJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Rendered reply parts are only written.");

        // Written by a Utf8JsonWriter with the same settings, so already valid and encoded the same way.
        public override void Write(Utf8JsonWriter writer, RenderedJson value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value._utf8.Span, skipInputValidation: true);
    }
}
