using Microsoft.AspNetCore.Http;
using PeeringFunctions.Web;

namespace PeeringFunctions.ChatOps.Http;

/// <summary>Reads a webhook's raw body once, bounded, so the signature is checked on exactly the bytes sent.</summary>
internal static class WebhookBody
{
    public const int MaxBytes = 256 * 1024;

    /// <summary>The bytes, or null when the body is larger than <see cref="MaxBytes"/> (refused while reading).</summary>
    public static Task<byte[]?> ReadAsync(HttpRequest request) => BoundedBody.ReadAsync(request, MaxBytes);

    public static ChatWebhookResponse TooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {MaxBytes} bytes.");
}
