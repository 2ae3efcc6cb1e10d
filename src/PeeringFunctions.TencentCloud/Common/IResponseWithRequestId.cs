namespace PeeringFunctions.TencentCloud.Common;

/// <summary>Every response carries Tencent's RequestId; lets the client log it without knowing the action.</summary>
public interface IResponseWithRequestId
{
    string? RequestId { get; }
}
