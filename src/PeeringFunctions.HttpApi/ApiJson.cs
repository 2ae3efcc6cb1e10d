using System.Text.Json;
using System.Text.Json.Serialization;

namespace PeeringFunctions.HttpApi;

/// <summary>The API's JSON: camelCase, and strict on input so a misspelt field is an error rather than ignored.</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 16,
    };
}
