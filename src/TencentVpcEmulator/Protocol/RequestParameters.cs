using System.Text.Json;
using System.Text.Json.Nodes;

namespace TencentVpcEmulator.Protocol;

/// <summary>
/// A request body checked against an action's <see cref="ParameterSchema"/>: an unknown name, a missing required
/// parameter and a wrong JSON type each answer with the action's code for it (<see cref="ActionErrors"/>).
/// JSON null counts as absent (the official SDKs strip nulls before sending).
/// </summary>
internal sealed class RequestParameters
{
    private readonly JsonObject _body;

    private RequestParameters(JsonObject body) => _body = body;

    public static RequestParameters Validate(JsonObject body, ParameterSchema schema, ActionErrors errors)
    {
        foreach (var (name, _) in body)
        {
            if (!schema.TryGet(name, out _))
            {
                throw new ApiException(errors.UnknownParameter, $"The parameter `{name}` is not recognized.");
            }
        }

        foreach (var spec in schema.Specs)
        {
            var node = body[spec.Name];
            if (node is null)
            {
                if (spec.Required)
                {
                    throw Missing(errors, spec.Name);
                }

                continue;
            }

            if (!HasType(node, spec.Type))
            {
                throw new ApiException(errors.WrongType,
                    $"The value type of parameter `{spec.Name}` is invalid; expected {Describe(spec.Type)}.");
            }
        }

        return new RequestParameters(body);
    }

    public bool Has(string name) => _body[name] is not null;

    public string? GetString(string name) => _body[name]?.GetValue<string>();

    public long? GetLong(string name) => _body[name] is { } n ? n.GetValue<long>() : null;

    public bool? GetBool(string name) => _body[name]?.GetValue<bool>();

    public IReadOnlyList<string>? GetStrings(string name) =>
        _body[name] is JsonArray array ? array.Select(n => n!.GetValue<string>()).ToList() : null;

    public IReadOnlyList<long>? GetLongs(string name) =>
        _body[name] is JsonArray array ? array.Select(n => n!.GetValue<long>()).ToList() : null;

    public JsonArray? GetArray(string name) => _body[name] as JsonArray;

    public static ApiException Missing(ActionErrors errors, string path) =>
        new(errors.MissingParameter, $"The request is missing a required parameter `{path}`.");

    public static ApiException Unknown(ActionErrors errors, string path) =>
        new(errors.UnknownParameter, $"The parameter `{path}` is not recognized.");

    /// <summary>Element-level checks for arrays of objects (Routes, Tags) with the same codes as the top level.</summary>
    public static string? ReadString(JsonObject item, string name, string path, ActionErrors errors)
    {
        var node = item[name];
        if (node is null)
        {
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            throw new ApiException(errors.WrongType, $"The value type of parameter `{path}.{name}` is invalid; expected String.");
        }

        return node.GetValue<string>();
    }

    public static long? ReadLong(JsonObject item, string name, string path, ActionErrors errors)
    {
        var node = item[name];
        if (node is null)
        {
            return null;
        }

        if (!HasType(node, ParamType.Integer))
        {
            throw new ApiException(errors.WrongType, $"The value type of parameter `{path}.{name}` is invalid; expected Integer.");
        }

        return node.GetValue<long>();
    }

    public static bool? ReadBool(JsonObject item, string name, string path, ActionErrors errors)
    {
        var node = item[name];
        if (node is null)
        {
            return null;
        }

        if (!HasType(node, ParamType.Boolean))
        {
            throw new ApiException(errors.WrongType, $"The value type of parameter `{path}.{name}` is invalid; expected Boolean.");
        }

        return node.GetValue<bool>();
    }

    private static bool HasType(JsonNode node, ParamType type) => type switch
    {
        ParamType.String or ParamType.NumericString => node.GetValueKind() == JsonValueKind.String,
        ParamType.Integer => node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue<long>(out _),
        ParamType.Boolean => node.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        ParamType.StringArray => node is JsonArray a && a.All(e => e is not null && e.GetValueKind() == JsonValueKind.String),
        ParamType.IntegerArray => node is JsonArray a && a.All(e => e is not null && e.GetValueKind() == JsonValueKind.Number && e.AsValue().TryGetValue<long>(out _)),
        ParamType.FilterArray => node is JsonArray,
        ParamType.ObjectArray => node is JsonArray a && a.All(e => e is JsonObject),
        _ => false,
    };

    private static string Describe(ParamType type) => type switch
    {
        ParamType.String => "String",
        ParamType.NumericString => "String (a decimal integer such as \"20\")",
        ParamType.Integer => "Integer",
        ParamType.Boolean => "Boolean",
        ParamType.StringArray => "Array of String",
        ParamType.IntegerArray => "Array of Integer",
        ParamType.FilterArray => "Array of Filter",
        ParamType.ObjectArray => "Array of objects",
        _ => type.ToString(),
    };
}
