using System.Text.Json;
using System.Text.Json.Serialization;

namespace PeeringFunctions.Peerings.Requests;

/// <summary>
/// The API's JSON: camelCase, and strict on input so a misspelt field is an error rather than ignored, a field given
/// twice is an error rather than "the last one wins" (in any letter case, as binding ignores case), and a number must
/// be a JSON number (the Web defaults would also read "100"). The chat "request" command reads its JSON with these too.
/// </summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 16,
        AllowDuplicateProperties = false,
        NumberHandling = JsonNumberHandling.Strict,
    };
}
