using PeeringFunctions.Tests.Support;

namespace PeeringFunctions.Tests;

/// <summary>The Functions app checks its "Tencent" section when it starts, with the local host's rules and messages.</summary>
public sealed class StartupValidationTests
{
    [Fact]
    public async Task The_app_refuses_to_start_with_a_bad_Tencent_setting_and_names_the_key_but_no_value()
    {
        var exit = await AppProcess.RunAsync([], new Dictionary<string, string?>
        {
            // Where a Functions host would be: nothing listens there, so the worker gets as far as starting and no further.
            ["Functions__Worker__HostEndpoint"] = "http://127.0.0.1:9",
            ["Functions__Worker__WorkerId"] = "startup-validation-test",
            ["Functions__Worker__RequestId"] = "startup-validation-test",
            ["Functions__Worker__GrpcMaxMessageLength"] = "2147483647",
            ["Tencent__Accounts__prod__Uin"] = "prod",
            ["Tencent__Accounts__prod__SecretId"] = "AKIDprodExample",
            ["Tencent__Accounts__prod__SecretKey"] = "prodSecretKeyExample",
        });

        Assert.NotEqual(0, exit.Code);
        Assert.Contains("OptionsValidationException", exit.Error, StringComparison.Ordinal);
        Assert.Contains(
            "The Tencent configuration cannot be used: Tencent:Accounts:prod:Uin must be the account's numeric UIN.",
            exit.Error,
            StringComparison.Ordinal);
        Assert.DoesNotContain("Error connecting", exit.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIDprodExample", exit.Error + exit.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("prodSecretKeyExample", exit.Error + exit.Output, StringComparison.Ordinal);
    }
}
