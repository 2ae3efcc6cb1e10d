using Microsoft.AspNetCore.Http;

namespace PeeringFunctions.ChatOps.Http;

/// <summary>Reads a webhook's raw body once, bounded, so the signature is checked on exactly the bytes sent.</summary>
internal static class WebhookBody
{
    public const int MaxBytes = 256 * 1024;

    /// <summary>The bytes, or null when the body is larger than <see cref="MaxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }

    public static ChatWebhookResponse TooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {MaxBytes} bytes.");
}
