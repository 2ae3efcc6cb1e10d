using Microsoft.AspNetCore.Http;

namespace TencentVpcEmulator.Http;

/// <summary>What the API pipeline needs from an HTTP request: the exact body bytes matter for the signature.</summary>
internal sealed record ApiRequest(string Method, string Path, string QueryString, IHeaderDictionary Headers, byte[] Body)
{
    public string? Header(string name) =>
        Headers.TryGetValue(name, out var values) && values.Count > 0 ? string.Join(',', values.ToArray()) : null;
}
