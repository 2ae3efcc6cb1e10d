using PeeringFunctions.TencentCloud.Common.Profile;

namespace PeeringFunctions.TencentCloud.Tests.Common;

public sealed class ProfileTests
{
    [Fact]
    public void Http_profile_defaults_to_the_China_site_host_and_a_60_second_timeout()
    {
        var profile = new HttpProfile();

        Assert.Equal("vpc.tencentcloudapi.com", profile.Endpoint);
        Assert.Null(profile.BaseUrl);
        Assert.Equal(TimeSpan.FromSeconds(60), profile.Timeout);
    }

    [Fact]
    public void Regional_and_international_endpoints_follow_Tencent_host_patterns()
    {
        Assert.Equal("vpc.ap-guangzhou.tencentcloudapi.com", HttpProfile.RegionalEndpoint("ap-guangzhou"));
        Assert.Equal("vpc.intl.tencentcloudapi.com", HttpProfile.InternationalEndpoint);
    }

    [Fact]
    public void Client_profile_has_no_language_unless_set()
    {
        var profile = new ClientProfile();

        Assert.Null(profile.Language);
        Assert.NotNull(profile.HttpProfile);
    }
}
