using Microsoft.Extensions.Options;
using PeeringFunctions.TencentAccess.Accounts;
using Verdict = PeeringFunctions.HttpApi.ApproverAuthenticator.Verdict;

namespace PeeringFunctions.HttpApi.Tests;

public sealed class ApproverAuthenticatorTests
{
    private static ApproverAuthenticator With(string? betaKey)
    {
        var options = new TencentOptions();
        options.Accounts["alpha"] = new TencentAccountOptions { Uin = "100000000001", ApproverKey = "alpha-key" };
        options.Accounts["beta"] = new TencentAccountOptions { Uin = "100000000002", ApproverKey = betaKey };
        return new ApproverAuthenticator(new StaticOptions(options));
    }

    [Fact]
    public void The_receivers_own_key_is_allowed() =>
        Assert.Equal(Verdict.Allowed, With("beta-key").Check("Bearer beta-key", "beta"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Basic YmV0YS1rZXk=")]
    [InlineData("Bearer ")]
    public void A_request_without_a_bearer_key_is_missing_its_credential(string? header) =>
        Assert.Equal(Verdict.MissingCredential, With("beta-key").Check(header, "beta"));

    [Fact]
    public void The_initiators_key_is_forbidden_for_the_receivers_decision() =>
        Assert.Equal(Verdict.Forbidden, With("beta-key").Check("Bearer alpha-key", "beta"));

    [Fact]
    public void A_wrong_key_is_forbidden() =>
        Assert.Equal(Verdict.Forbidden, With("beta-key").Check("Bearer beta-key-but-longer", "beta"));

    [Fact]
    public void An_external_receiver_cannot_be_decided_for_over_http() =>
        Assert.Equal(Verdict.Forbidden, With("beta-key").Check("Bearer beta-key", null));

    [Fact]
    public void A_receiver_without_a_configured_key_accepts_no_key() =>
        Assert.Equal(Verdict.Forbidden, With(null).Check("Bearer anything", "beta"));

    [Fact]
    public void An_unresolved_key_vault_reference_never_works_as_a_key()
    {
        const string reference = "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/tencent-beta-approver-key/)";

        Assert.Equal(Verdict.Forbidden, With(reference).Check("Bearer " + reference, "beta"));
    }

    private sealed class StaticOptions(TencentOptions value) : IOptionsMonitor<TencentOptions>
    {
        public TencentOptions CurrentValue => value;

        public TencentOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<TencentOptions, string?> listener) => null;
    }
}
