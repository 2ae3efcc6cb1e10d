using Microsoft.AspNetCore.Http;

namespace PeeringFunctions.Web;

/// <summary>
/// Reads a request body into memory up to a limit, counting while it reads: a body over the limit, whether declared by
/// Content-Length or found out while reading a chunked one, is refused as soon as the limit is passed, never read to
/// its end or parsed. The portal's forms and the chat webhooks read through it. It lives here, the lowest project every
/// HTTP adapter already references, so no adapter references another for it.
/// </summary>
public static class BoundedBody
{
    /// <summary>The bytes, or null when the body is larger than <paramref name="maxBytes"/>.</summary>
    /// <remarks>
    /// A client that stalls surfaces here as Kestrel's BadHttpRequestException (408) from the read; the host answers it
    /// (the local host's ClientRequestErrors), so the adapters need not.
    /// </remarks>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[Math.Min(8192, maxBytes + 1)];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
