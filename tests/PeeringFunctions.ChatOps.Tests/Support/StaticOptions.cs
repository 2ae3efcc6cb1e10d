using Microsoft.Extensions.Options;

namespace PeeringFunctions.ChatOps.Tests.Support;

internal sealed class StaticOptions<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
