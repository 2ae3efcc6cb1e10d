using Microsoft.AspNetCore.Http;

namespace TencentVpcEmulator.Http;

/// <summary>What the API pipeline needs from an HTTP request: the exact body bytes matter for the signature.</summary>
internal sealed record ApiRequest(string Method, string Path, string QueryString, IHeaderDictionary Headers, byte[] Body)
{
    /// <summary>The header's values joined by commas; null when absent. Nearly every header has one value: no join then.</summary>
    public string? Header(string name) =>
        !Headers.TryGetValue(name, out var values) ? null
        : values.Count switch
        {
            0 => null,
            1 => values[0] ?? "",
            _ => string.Join(',', values.ToArray()),
        };
}
