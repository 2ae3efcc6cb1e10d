using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace TencentVpcEmulator.Http;

/// <summary>Serializer settings for everything the emulator writes (UTF-8 kept readable, like Tencent's replies).</summary>
internal static class JsonOutput
{
    /// <summary>Named resolver (the one serializing would pick anyway), so reply parts can carry type info for these options.</summary>
    public static readonly JsonSerializerOptions Api = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    /// <summary>What <see cref="Api"/> gives a writer: compact, the same encoder (replies are written straight to UTF-8).</summary>
    public static readonly JsonWriterOptions ApiWriter = new()
    {
        Encoder = Api.Encoder,
        Indented = Api.WriteIndented,
    };

    /// <summary>camelCase for the control API (/_emulator/...).</summary>
    public static readonly JsonSerializerOptions Control = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
