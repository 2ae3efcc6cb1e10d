using System.Net;

namespace TencentVpcEmulator.Http;

/// <summary>The emulator only ever binds loopback: 127.0.0.0/8, [::1] or localhost.</summary>
internal static class LoopbackUrls
{
    public static string[] Validate(string urls)
    {
        var list = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (list.Length == 0)
        {
            throw new ArgumentException("At least one URL is required, e.g. http://127.0.0.1:8930.", nameof(urls));
        }

        foreach (var url in list)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
            {
                throw new ArgumentException($"'{url}' is not an http:// URL.", nameof(urls));
            }

            var isLoopback = uri.IsLoopback
                && (uri.Host == "localhost" || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));
            if (!isLoopback)
            {
                throw new ArgumentException($"'{url}' is not a loopback address; the emulator only binds 127.0.0.1, [::1] or localhost.", nameof(urls));
            }
        }

        return list;
    }
}
