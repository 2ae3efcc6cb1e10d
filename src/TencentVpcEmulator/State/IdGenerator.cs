namespace TencentVpcEmulator.State;

/// <summary>Generates prefix-xxxxxxxx IDs (8 lower-case alphanumerics), unique within the store.</summary>
internal sealed class IdGenerator(int? seed)
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    private readonly Random _random = seed is { } s ? new Random(s) : new Random();

    /// <summary>Caller holds the store lock, so the Random instance is never used concurrently.</summary>
    public string Next(string prefix, Func<string, bool> isTaken)
    {
        Span<char> suffix = stackalloc char[8];
        while (true)
        {
            for (var i = 0; i < suffix.Length; i++)
            {
                suffix[i] = Alphabet[_random.Next(Alphabet.Length)];
            }

            var id = $"{prefix}-{suffix}";
            if (!isTaken(id))
            {
                return id;
            }
        }
    }
}
