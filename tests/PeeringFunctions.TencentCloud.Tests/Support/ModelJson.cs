using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PeeringFunctions.TencentCloud.Common.Json;

namespace PeeringFunctions.TencentCloud.Tests.Support;

/// <summary>Round-trips models through the exact serializer configuration the client uses on the wire.</summary>
internal static class ModelJson
{
    public static T Parse<T>(string json) => TencentJson.Deserialize<T>(json) ?? throw new InvalidOperationException("null model");

    /// <summary>Parses the object inside a <c>{"Response": …}</c> envelope, as the client does.</summary>
    public static T ParseResponse<T>(string envelope) => Parse<T>(Inner(envelope));

    public static string Write<T>(T value) => Encoding.UTF8.GetString(TencentJson.SerializeToUtf8Bytes(value));

    public static string Inner(string envelope) => JsonNode.Parse(envelope)!["Response"]!.ToJsonString();

    public static void AssertSameJson(string expected, string actual)
    {
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)),
            $"JSON differs.\nExpected: {JsonNode.Parse(expected)!.ToJsonString()}\nActual:   {actual}");
    }

    /// <summary>The JSON kind of a value found by a path of property names and array indexes.</summary>
    public static JsonValueKind KindAt(string json, params object[] path)
    {
        using var document = JsonDocument.Parse(json);
        var element = document.RootElement;
        foreach (var step in path)
        {
            element = step is int index ? element[index] : element.GetProperty((string)step);
        }

        return element.ValueKind;
    }
}
