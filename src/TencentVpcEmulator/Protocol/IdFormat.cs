using System.Text.RegularExpressions;

namespace TencentVpcEmulator.Protocol;

/// <summary>Tencent resource IDs are a type prefix, a dash and 8 lower-case alphanumerics (spec §4.16).</summary>
internal static partial class IdFormat
{
    public const string Vpc = "vpc";
    public const string Subnet = "subnet";
    public const string RouteTable = "rtb";
    public const string Peering = "pcx";
    public const string RouteItem = "rti";

    [GeneratedRegex("^[a-z0-9]{8}$", RegexOptions.CultureInvariant)]
    private static partial Regex Suffix();

    public static bool IsValid(string prefix, string? id) =>
        id is not null
        && id.Length == prefix.Length + 9
        && id.StartsWith(prefix + "-", StringComparison.Ordinal)
        && Suffix().IsMatch(id.AsSpan(prefix.Length + 1).ToString());

    /// <summary>Throws InvalidParameterValue.Malformed naming the parameter, as Tencent does for a bad ID.</summary>
    public static void Require(string prefix, string? id, string parameterName)
    {
        if (!IsValid(prefix, id))
        {
            throw new ApiException(
                ErrorCodes.InvalidParameterValueMalformed,
                $"The value `{id}` of parameter `{parameterName}` is malformed; expected `{prefix}-` followed by 8 lower-case letters or digits.");
        }
    }
}
