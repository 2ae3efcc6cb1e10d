namespace TencentVpcEmulator.Control;

/// <summary>Artificial response delay per action ("*" = every action); a specific action wins over "*".</summary>
internal sealed class LatencyTable
{
    public const string AnyAction = "*";
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TimeSpan> _delays = new(StringComparer.Ordinal);

    public void Set(string action, TimeSpan delay)
    {
        lock (_gate)
        {
            if (delay <= TimeSpan.Zero)
            {
                _delays.Remove(action);
            }
            else
            {
                _delays[action] = delay;
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _delays.Clear();
        }
    }

    public TimeSpan For(string? action)
    {
        lock (_gate)
        {
            if (action is not null && _delays.TryGetValue(action, out var specific))
            {
                return specific;
            }

            return _delays.TryGetValue(AnyAction, out var any) ? any : TimeSpan.Zero;
        }
    }

    public IReadOnlyDictionary<string, long> Snapshot()
    {
        lock (_gate)
        {
            return _delays.ToDictionary(kv => kv.Key, kv => (long)kv.Value.TotalMilliseconds, StringComparer.Ordinal);
        }
    }
}
