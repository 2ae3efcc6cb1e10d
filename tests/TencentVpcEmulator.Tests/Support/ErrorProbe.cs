namespace TencentVpcEmulator.Tests.Support;

/// <summary>
/// Provokes errors from one action over raw HTTP: each provocation asserts the exact code it expects, and every code
/// seen is kept, so a test can check afterwards that all of them are documented for the action.
/// </summary>
internal sealed class ErrorProbe(Emulator emulator, string action)
{
    private readonly List<(string Code, string Provocation)> _seen = [];

    public Emulator Emulator { get; } = emulator;

    public string Action { get; } = action;

    public IReadOnlyList<(string Code, string Provocation)> Seen => _seen;

    /// <summary>The action, called by <paramref name="key"/> (alpha by default), answers exactly <paramref name="code"/>.</summary>
    public Task Expect(string code, object body, ApiKey? key = null, string region = Demo.Guangzhou) =>
        ExpectRaw(code, TencentCall.Json(body), key, region);

    public async Task ExpectRaw(string code, string body, ApiKey? key = null, string region = Demo.Guangzhou)
    {
        var seen = await AnswerAsync(body, key, region);
        Assert.True(code == seen, $"{Action} {body}: expected {code}, got {seen}");
    }

    /// <summary>Any error will do here; it only has to be documented (checked by the caller through <see cref="Seen"/>).</summary>
    public async Task AnyError(string body, ApiKey? key = null, string region = Demo.Guangzhou) => await AnswerAsync(body, key, region);

    /// <summary>The checks every action makes: a body that is not a JSON object, not JSON at all, an unknown parameter.</summary>
    public async Task CommonChecksAsync(string region = Demo.Guangzhou, ApiKey? key = null)
    {
        await AnyError("[]", key, region);
        await AnyError("{not json", key, region);
        await AnyError("""{"Colour":"red"}""", key, region);
    }

    private async Task<string> AnswerAsync(string body, ApiKey? key, string region)
    {
        var response = await Emulator.SendAsync(new TencentCall { Key = key ?? Demo.Alpha, Action = Action, Region = region, Body = body });
        Assert.True(response.TryGetProperty("Error", out var error), $"{Action} {body}: expected an error, got {response}");
        var code = error.GetProperty("Code").GetString()!;
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("Message").GetString()), $"{Action} {body}: {code} without a message");
        _seen.Add((code, body));
        return code;
    }
}
