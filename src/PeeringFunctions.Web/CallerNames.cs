using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace PeeringFunctions.Web;

/// <summary>How an HTTP caller is named in records and notices: a name, never a credential.</summary>
public static class CallerNames
{
    /// <summary>The claim the Functions host adds when a function key let the request in: the key's name, not its value.</summary>
    public const string FunctionKeyIdClaim = "http://schemas.microsoft.com/2017/07/functions/claims/keyid";

    /// <summary>The name of a caller who came through the portal's key without a name we can see.</summary>
    public const string Portal = "portal";

    private const int MaxLength = 60;

    /// <summary>"portal key {name}" when the host names the function key that let the request in, else "portal".</summary>
    public static string PortalCaller(HttpContext? context)
    {
        var keyName = context?.User?.Identities
            .SelectMany(identity => identity.Claims)
            .FirstOrDefault(claim => claim.Type == FunctionKeyIdClaim)?.Value;
        return keyName is { Length: > 0 } name && name.Length <= MaxLength && name.All(IsPlain)
            ? $"{Portal} key {name}"
            : Portal;
    }

    /// <summary>The principal the local host gives a request its portal key let in, as the Functions host would.</summary>
    public static ClaimsPrincipal FunctionKeyPrincipal(string keyName) =>
        new(new ClaimsIdentity([new Claim(FunctionKeyIdClaim, keyName)], "WebJobsAuthLevel"));

    private static bool IsPlain(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';
}
