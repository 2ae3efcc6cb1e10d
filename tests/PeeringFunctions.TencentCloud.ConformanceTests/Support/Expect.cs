using System.Collections.Concurrent;
using PeeringFunctions.TencentCloud.Common;

namespace PeeringFunctions.TencentCloud.ConformanceTests.Support;

/// <summary>
/// Assertions on what the client throws. Every exception that passes through here is also checked (and recorded)
/// for secrets: no SecretKey or session token may appear in its Message or ToString(), inner exceptions included.
/// </summary>
public static class Expect
{
    private static readonly ConcurrentQueue<Exception> Seen = new();

    /// <summary>Every client exception observed so far in this test run.</summary>
    public static IReadOnlyCollection<Exception> ObservedExceptions => Seen;

    /// <summary>
    /// The call fails with an API error (HTTP 200 + Response.Error): exact code, Kind Api, a UUID RequestId and the
    /// given transient flag (false for every business rule).
    /// </summary>
    public static async Task<TencentCloudSDKException> ApiError(string expectedCode, Func<Task> call, bool transient = false)
    {
        var ex = await Failure(call);
        Assert.True(expectedCode == ex.Code, $"expected {expectedCode}, the client reported {ex.Code}: {ex.Message}");
        Assert.Equal(TencentErrorKind.Api, ex.Kind);
        Assert.True(Guid.TryParse(ex.RequestId, out _), $"RequestId '{ex.RequestId}' is not a UUID");
        Assert.Contains(ex.RequestId!, ex.Message, StringComparison.Ordinal);
        Assert.Equal(200, ex.HttpStatusCode);
        Assert.False(string.IsNullOrWhiteSpace(ex.ErrorMessage));
        Assert.Equal(transient, ex.IsTransient);
        return ex;
    }

    /// <summary>The call fails with any <see cref="TencentCloudSDKException"/> (checked for secrets).</summary>
    public static async Task<TencentCloudSDKException> Failure(Func<Task> call)
    {
        Exception? thrown = null;
        try
        {
            await call();
        }
#pragma warning disable CA1031 // Whatever was thrown is inspected below.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            thrown = ex;
        }

        Assert.True(thrown is not null, "expected the call to fail, but it succeeded");
        NoSecretsIn(thrown!);
        return Assert.IsType<TencentCloudSDKException>(thrown);
    }

    /// <summary>Records <paramref name="ex"/> for the suite-wide check and asserts it carries no secret.</summary>
    public static void NoSecretsIn(Exception ex)
    {
        Seen.Enqueue(ex);
        AssertNoSecrets(ex);
    }

    public static void AssertNoSecrets(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            foreach (var secret in World.AllSecrets)
            {
                Assert.DoesNotContain(secret, e.Message, StringComparison.Ordinal);
                Assert.DoesNotContain(secret, e.ToString(), StringComparison.Ordinal);
            }
        }
    }
}
