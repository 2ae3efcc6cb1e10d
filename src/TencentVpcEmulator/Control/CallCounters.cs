namespace TencentVpcEmulator.Control;

/// <summary>What happened to one API call, filled in as the pipeline goes.</summary>
internal sealed class CallOutcome
{
    public const string Unauthenticated = "(unauthenticated)";
    public const string NoAction = "(none)";

    public string Action { get; set; } = NoAction;

    public string Account { get; set; } = Unauthenticated;

    public bool IsWrite { get; set; }

    public bool IsError { get; set; }

    public bool Throttled { get; set; }

    public bool FaultInjected { get; set; }

    public bool ReplyDropped { get; set; }

    /// <summary>The RequestId the reply carries.</summary>
    public string? RequestId { get; set; }
}

/// <summary>Thread-safe call counters (a short lock per call; never held across awaits).</summary>
internal sealed class CallCounters
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Account, string Action), long[]> _cells = [];
    private readonly Queue<RecordedWrite> _writes = new();

    /// <summary>How many writes the journal keeps (the oldest go first).</summary>
    public const int JournalLimit = 1000;

    public void Record(CallOutcome o)
    {
        lock (_gate)
        {
            if (!_cells.TryGetValue((o.Account, o.Action), out var cell))
            {
                cell = new long[6];
                _cells[(o.Account, o.Action)] = cell;
            }

            cell[0]++;
            cell[1] += o.IsWrite ? 1 : 0;
            cell[2] += o.IsError ? 1 : 0;
            cell[3] += o.Throttled ? 1 : 0;
            cell[4] += o.FaultInjected ? 1 : 0;
            cell[5] += o.ReplyDropped ? 1 : 0;

            // Writes whose reply reached the caller: a client can name only those RequestIds.
            if (o.IsWrite && !o.ReplyDropped && o.RequestId is { } requestId)
            {
                _writes.Enqueue(new RecordedWrite(o.Action, o.Account, requestId, o.IsError));
                if (_writes.Count > JournalLimit)
                {
                    _writes.Dequeue();
                }
            }
        }
    }

    /// <summary>The latest writes answered, oldest first.</summary>
    public IReadOnlyList<RecordedWrite> Writes()
    {
        lock (_gate)
        {
            return [.. _writes];
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _cells.Clear();
            _writes.Clear();
        }
    }

    public CallStatistics Snapshot()
    {
        List<KeyValuePair<(string Account, string Action), long[]>> cells;
        lock (_gate)
        {
            cells = [.. _cells.Select(kv => new KeyValuePair<(string, string), long[]>(kv.Key, (long[])kv.Value.Clone()))];
        }

        return new CallStatistics(
            Sum(cells.Select(c => c.Value)),
            cells.GroupBy(c => c.Key.Action).OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => Sum(g.Select(c => c.Value)), StringComparer.Ordinal),
            cells.GroupBy(c => c.Key.Account).OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => Sum(g.Select(c => c.Value)), StringComparer.Ordinal),
            cells.GroupBy(c => c.Key.Account).OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(
                    g => g.Key,
                    g => (IReadOnlyDictionary<string, CallCounts>)g.OrderBy(c => c.Key.Action, StringComparer.Ordinal)
                        .ToDictionary(c => c.Key.Action, c => Sum([c.Value]), StringComparer.Ordinal),
                    StringComparer.Ordinal));
    }

    private static CallCounts Sum(IEnumerable<long[]> cells)
    {
        var t = new long[6];
        foreach (var c in cells)
        {
            for (var i = 0; i < t.Length; i++)
            {
                t[i] += c[i];
            }
        }

        return new CallCounts(t[0], t[1], t[2], t[3], t[4], t[5]);
    }
}
