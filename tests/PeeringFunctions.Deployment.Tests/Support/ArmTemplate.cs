using System.Text.Json.Nodes;

namespace PeeringFunctions.Deployment.Tests.Support;

/// <summary>Walks a compiled ARM template (languageVersion 2.0, symbolic names) including its nested module deployments.</summary>
internal static class ArmTemplate
{
    public sealed record Resource(string SymbolicName, string Type, JsonObject Body, string Module);

    public static IEnumerable<Resource> AllResources(JsonObject template, string module = "main")
    {
        var resources = template["resources"];
        IEnumerable<KeyValuePair<string, JsonNode?>> entries = resources switch
        {
            JsonObject named => named,
            JsonArray list => list.Select((r, i) => new KeyValuePair<string, JsonNode?>($"#{i}", r)),
            _ => [],
        };

        foreach (var (name, node) in entries)
        {
            var body = node!.AsObject();
            var type = (string)body["type"]!;
            yield return new Resource(name, type, body, module);
            if (type == "Microsoft.Resources/deployments" && body["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in AllResources(nested, name))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>Resources actually created (not "existing" references).</summary>
    public static IReadOnlyList<Resource> Created(JsonObject template, string type) =>
        AllResources(template)
            .Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase) && (bool?)r.Body["existing"] != true)
            .ToList();
}
