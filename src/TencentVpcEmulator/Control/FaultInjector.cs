namespace TencentVpcEmulator.Control;

/// <summary>
/// Decides per call whether a configured fault fires. Uses one Random (seeded by RandomSeed when given) under a lock,
/// so a given sequence of calls gets the same faults on every run.
/// </summary>
internal sealed class FaultInjector(int? randomSeed)
{
    private readonly Lock _gate = new();
    private readonly List<ActiveFault> _rules = [];
    private Random _random = randomSeed is { } s ? new Random(s) : new Random();

    public void Add(FaultRule rule)
    {
        lock (_gate)
        {
            // A rule for the same action/account/mode replaces the previous one.
            _rules.RemoveAll(r => r.Rule.Action == rule.Action && r.Rule.Account == rule.Account && r.Rule.Mode == rule.Mode);
            _rules.Add(new ActiveFault(rule, rule.Count));
        }
    }

    public void Clear(int? reseed = null)
    {
        lock (_gate)
        {
            _rules.Clear();
            if (reseed is { } s)
            {
                _random = new Random(s);
            }
        }
    }

    public IReadOnlyList<FaultRule> Snapshot()
    {
        lock (_gate)
        {
            return [.. _rules.Select(r => r.Rule with { Count = r.Remaining })];
        }
    }

    /// <summary>The first matching rule whose dice roll hits, or null.</summary>
    public FaultRule? Decide(string action, string accountName, long accountUin)
    {
        lock (_gate)
        {
            foreach (var active in _rules)
            {
                var rule = active.Rule;
                var actionMatches = rule.Action == LatencyTable.AnyAction || rule.Action == action;
                var accountMatches = rule.Account is null || rule.Account == accountName
                    || rule.Account == accountUin.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (!actionMatches || !accountMatches || active.Remaining is <= 0)
                {
                    continue;
                }

                if (rule.Rate >= 1.0 || _random.NextDouble() < rule.Rate)
                {
                    active.Remaining--;
                    return rule;
                }
            }

            return null;
        }
    }

    private sealed class ActiveFault(FaultRule rule, int? remaining)
    {
        public FaultRule Rule { get; } = rule;

        public int? Remaining { get; set; } = remaining;
    }
}
