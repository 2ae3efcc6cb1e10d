using System.Security.Cryptography;
using System.Text;

namespace PeeringFunctions.Portal.Html;

/// <summary>
/// The stylesheet and the script, embedded in the assembly and inlined into every page (no asset route, no CDN, no
/// download at run time). The CSP names them by hash, so no other inline code can run.
/// </summary>
internal static class Assets
{
    public static string Css { get; } = Read("PeeringFunctions.Portal.portal.css");

    public static string Script { get; } = Read("PeeringFunctions.Portal.portal.js");

    public static string ContentSecurityPolicy { get; } = string.Join("; ",
        "default-src 'none'",
        $"style-src '{Hash(Css)}'",
        $"script-src '{Hash(Script)}'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'");

    private static string Read(string name)
    {
        using var stream = typeof(Assets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        // One line ending style, so the hash is of exactly what the page carries whatever git did to the file.
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static string Hash(string content) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
}
