using System.Text.Json.Serialization;

namespace PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

/// <summary>A resource tag.</summary>
public sealed class Tag
{
    [JsonPropertyName("Key")]
    public string? Key { get; set; }

    [JsonPropertyName("Value")]
    public string? Value { get; set; }
}
