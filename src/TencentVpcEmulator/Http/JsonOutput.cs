using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TencentVpcEmulator.Http;

/// <summary>Serializer settings for everything the emulator writes (UTF-8 kept readable, like Tencent's replies).</summary>
internal static class JsonOutput
{
    public static readonly JsonSerializerOptions Api = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>camelCase for the control API (/_emulator/...).</summary>
    public static readonly JsonSerializerOptions Control = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
