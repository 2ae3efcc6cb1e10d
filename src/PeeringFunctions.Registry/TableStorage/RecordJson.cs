using System.Text.Json;

namespace PeeringFunctions.Registry.TableStorage;

/// <summary>How a record is written into its entity's one JSON property: web defaults (camelCase), nulls kept.</summary>
internal static class RecordJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize(RegisteredPeering peering) => JsonSerializer.Serialize(peering, Options);

    public static RegisteredPeering Deserialize(string json, string rowKey)
    {
        try
        {
            return JsonSerializer.Deserialize<RegisteredPeering>(json, Options)
                ?? throw new PeeringRegistryException($"The registry entity '{rowKey}' holds an empty record.");
        }
        catch (JsonException error)
        {
            throw new PeeringRegistryException($"The registry entity '{rowKey}' holds a record that is not valid JSON for this version.", error);
        }
    }
}
