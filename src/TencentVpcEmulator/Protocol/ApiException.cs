namespace TencentVpcEmulator.Protocol;

/// <summary>An API error that becomes {"Response":{"Error":{"Code","Message"},"RequestId"}} with HTTP 200.</summary>
internal sealed class ApiException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
