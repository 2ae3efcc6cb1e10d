using System.Text.Json;

namespace TencentVpcEmulator.Tests.Support;

/// <summary>Assertions on the Response object.</summary>
internal static class Api
{
    public static JsonElement Ok(JsonElement response)
    {
        if (response.TryGetProperty("Error", out var error))
        {
            Assert.Fail($"expected success, got {error.GetProperty("Code").GetString()}: {error.GetProperty("Message").GetString()}");
        }

        return response;
    }

    public static string Error(JsonElement response, string expectedCode)
    {
        Assert.True(response.TryGetProperty("Error", out var error), $"expected {expectedCode}, got success: {response}");
        Assert.Equal(expectedCode, error.GetProperty("Code").GetString());
        var message = error.GetProperty("Message").GetString();
        Assert.False(string.IsNullOrWhiteSpace(message));
        return message!;
    }

    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;
}
