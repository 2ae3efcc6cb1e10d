using Microsoft.Extensions.Logging;
using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.Common.Profile;

namespace PeeringFunctions.TencentCloud.Vpc.V20170312;

/// <summary>
/// Tencent Cloud VPC API 3.0 (version 2017-03-12) client, shaped like the official SDK's VpcClient: the transport
/// is <see cref="AbstractClient"/>'s, this class names the service and version and has one method per action.
/// Thread-safe: all settings are captured at construction and each call builds its own request.
/// </summary>
/// <remarks>
/// None of these actions is idempotent on Tencent's side (no ClientToken). A <see cref="TencentCloudSDKException"/>
/// with <see cref="TencentCloudSDKException.IsTransient"/> set on a write means "state unknown": read back first.
/// </remarks>
public sealed partial class VpcClient : AbstractClient, IVpcClient
{
    /// <summary>Credential-scope service name. Fixed, never derived from the endpoint, so an emulator URL signs correctly.</summary>
    public const string ServiceName = "vpc";

    public const string ApiVersion = "2017-03-12";

    /// <param name="credential">Key pair (and optional STS token) of the account that owns the resources.</param>
    /// <param name="region">Long region name sent as X-TC-Region, e.g. <c>ap-guangzhou</c>.</param>
    /// <param name="profile">Endpoint, timeout and language; read once here, later changes are not seen.</param>
    /// <param name="httpClient">Optional (e.g. from IHttpClientFactory); a shared pooled client is used otherwise.</param>
    /// <param name="timeProvider">Source of X-TC-Timestamp and of the timeout clock; <see cref="TimeProvider.System"/> by default.</param>
    /// <param name="logger">Optional; logs action, region, RequestId, error code and elapsed time, never secrets.</param>
    public VpcClient(
        Credential credential,
        string region,
        ClientProfile? profile = null,
        HttpClient? httpClient = null,
        TimeProvider? timeProvider = null,
        ILogger? logger = null)
        : base(ServiceName, ApiVersion, credential, region, profile, httpClient, timeProvider, logger)
    {
    }
}
