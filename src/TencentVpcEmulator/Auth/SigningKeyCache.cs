using System.Collections.Concurrent;

namespace TencentVpcEmulator.Auth;

/// <summary>
/// TC3 signing keys by (secret key, date, service): every request of an account on one UTC day needs the same key,
/// and deriving it costs three HMACs. Bounded: when full it starts over, so changing dates or keys cannot grow it.
/// </summary>
internal sealed class SigningKeyCache
{
    /// <summary>Accounts × days × services in play at once stay far below this.</summary>
    public const int Capacity = 1024;

    private readonly ConcurrentDictionary<(string SecretKey, string Date, string Service), byte[]> _keys = new();

    public int Count => _keys.Count;

    public byte[] Get(string secretKey, string date, string service)
    {
        var id = (secretKey, date, service);
        if (_keys.TryGetValue(id, out var key))
        {
            return key;
        }

        if (_keys.Count >= Capacity)
        {
            _keys.Clear();
        }

        key = Tc3Signer.SigningKey(secretKey, date, service);
        _keys[id] = key;
        return key;
    }
}
