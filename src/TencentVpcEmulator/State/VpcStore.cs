namespace TencentVpcEmulator.State;

/// <summary>
/// The whole emulated world. One lock (<see cref="Gate"/>) guards everything; handlers run synchronously
/// inside it and never await, so it is held only for microseconds.
/// </summary>
internal sealed class VpcStore
{
    private long _peeringSequence;

    // No pending peering is older than this (it may be older than the oldest still pending: then one walk corrects it).
    private DateTimeOffset? _oldestPendingCreatedAt;
    private IdGenerator _ids = new(null);

    // The peerings being activated, in the order accepted: most requests find none, and no request walks every peering.
    private readonly List<PeeringRecord> _activating = [];

    // Every route item id ever seeded or issued: an id outside it cannot be a live route's, so a new one needs no walk.
    private readonly HashSet<string> _routeItemIdsSeen = new(StringComparer.Ordinal);

    // The peerings each (account, region) sees, and those each VPC is an end of, both in creation order; records are
    // never removed (DELETED ones stay listed), and a peering's ends never change, so the lists never need fixing up.
    private readonly Dictionary<(long Uin, string Region), List<PeeringRecord>> _peeringsVisibleTo = [];
    private readonly Dictionary<VpcRecord, List<PeeringRecord>> _peeringsOfVpc = new(ReferenceEqualityComparer.Instance);

    // VPCs are only made by Load, so this index of the VPCs each (account, region) owns never goes stale.
    private readonly Dictionary<(long Uin, string Region), List<VpcRecord>> _vpcsOwnedBy = [];

    public Lock Gate { get; } = new();

    public Dictionary<string, AccountRecord> AccountsBySecretId { get; } = new(StringComparer.Ordinal);

    public Dictionary<long, AccountRecord> AccountsByUin { get; } = [];

    public List<AccountRecord> Accounts { get; } = [];

    public Dictionary<string, VpcRecord> Vpcs { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SubnetRecord> Subnets { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, RouteTableRecord> RouteTables { get; } = new(StringComparer.Ordinal);

    /// <summary>Peerings in creation order (DELETED ones stay, as Describe still lists them).</summary>
    public List<PeeringRecord> Peerings { get; } = [];

    public Dictionary<string, PeeringRecord> PeeringsById { get; } = new(StringComparer.Ordinal);

    /// <summary>Replaces the whole world with the seed. Caller must hold <see cref="Gate"/>.</summary>
    public void Load(EmulatorSeed seed, DateTimeOffset now, int? randomSeed)
    {
        AccountsBySecretId.Clear();
        AccountsByUin.Clear();
        Accounts.Clear();
        Vpcs.Clear();
        Subnets.Clear();
        RouteTables.Clear();
        Peerings.Clear();
        PeeringsById.Clear();
        _peeringSequence = 0;
        _oldestPendingCreatedAt = null;
        _activating.Clear();
        _routeItemIdsSeen.Clear();
        _peeringsVisibleTo.Clear();
        _peeringsOfVpc.Clear();
        _vpcsOwnedBy.Clear();
        _ids = new IdGenerator(randomSeed);

        var byName = new Dictionary<string, AccountRecord>(StringComparer.Ordinal);
        foreach (var a in seed.Accounts)
        {
            var account = new AccountRecord(a.Name, a.Uin, a.AppId, a.SecretId, a.SecretKey,
                new HashSet<string>(a.Tokens ?? [], StringComparer.Ordinal));
            byName[a.Name] = account;
            Accounts.Add(account);
            AccountsBySecretId[a.SecretId] = account;
            AccountsByUin[a.Uin] = account;
        }

        foreach (var v in seed.Vpcs)
        {
            var vpc = new VpcRecord
            {
                VpcId = v.VpcId,
                VpcName = v.VpcName ?? v.VpcId,
                Owner = byName[v.Account],
                Region = v.Region,
                CidrBlock = v.CidrBlock,
                AssistantCidrs = [.. v.AssistantCidrs ?? []],
                CreatedAt = now,
            };
            Vpcs[vpc.VpcId] = vpc;
            ListFor(_vpcsOwnedBy, (vpc.Owner.Uin, vpc.Region)).Add(vpc);

            foreach (var t in v.RouteTables ?? [])
            {
                var table = new RouteTableRecord
                {
                    RouteTableId = t.RouteTableId,
                    RouteTableName = t.RouteTableName ?? (t.Main ? "default" : t.RouteTableId),
                    Vpc = vpc,
                    Main = t.Main,
                    CreatedAt = now,
                };
                RouteTables[table.RouteTableId] = table;
                vpc.RouteTables.Add(table);
                foreach (var r in t.Routes ?? [])
                {
                    if (r.RouteItemId is { } seededItemId)
                    {
                        _routeItemIdsSeen.Add(seededItemId);
                    }

                    table.Routes.Add(new RouteRecord
                    {
                        RouteId = table.NextRouteId++,
                        RouteItemId = r.RouteItemId ?? NewId("rti"),
                        RouteTableId = table.RouteTableId,
                        DestinationCidrBlock = r.DestinationCidrBlock,
                        GatewayType = r.GatewayType,
                        GatewayId = r.GatewayId,
                        RouteDescription = r.RouteDescription ?? "",
                        Enabled = r.Enabled,
                        CreatedAt = now,
                    });
                }
            }

            foreach (var s in v.Subnets ?? [])
            {
                var subnet = Subnets[s.SubnetId] = new SubnetRecord
                {
                    SubnetId = s.SubnetId,
                    SubnetName = s.SubnetName ?? s.SubnetId,
                    Vpc = vpc,
                    CidrBlock = s.CidrBlock,
                    Zone = s.Zone,
                    RouteTableId = s.RouteTableId,
                    CreatedAt = now,
                };
                vpc.Subnets.Add(subnet);
            }
        }
    }

    public string NewId(string prefix)
    {
        var id = _ids.Next(prefix, IsIdTaken);
        if (IsRouteItemId(id))
        {
            _routeItemIdsSeen.Add(id);
        }

        return id;
    }

    public long NextPeeringSequence() => ++_peeringSequence;

    /// <summary>Records a new peering (in creation order, and by id). Caller holds <see cref="Gate"/>.</summary>
    public void AddPeering(PeeringRecord peering)
    {
        Peerings.Add(peering);
        PeeringsById.Add(peering.PeeringConnectionId, peering);

        // Listed once per key, even when both ends are one account in one region (or one VPC, which Create refuses).
        var sourceKey = (peering.Source.Owner.Uin, peering.Source.Region);
        var destinationKey = (peering.Destination.Owner.Uin, peering.Destination.Region);
        ListFor(_peeringsVisibleTo, sourceKey).Add(peering);
        if (destinationKey != sourceKey)
        {
            ListFor(_peeringsVisibleTo, destinationKey).Add(peering);
        }

        ListFor(_peeringsOfVpc, peering.Source).Add(peering);
        if (!ReferenceEquals(peering.Destination, peering.Source))
        {
            ListFor(_peeringsOfVpc, peering.Destination).Add(peering);
        }

        if (peering.State == PeeringStates.Pending && (_oldestPendingCreatedAt is null || peering.CreatedAt < _oldestPendingCreatedAt))
        {
            _oldestPendingCreatedAt = peering.CreatedAt;
        }
    }

    /// <summary>The peerings <paramref name="caller"/> sees in <paramref name="region"/> (<see cref="PeeringRecord.IsVisibleTo"/>), in creation order.</summary>
    public IReadOnlyList<PeeringRecord> PeeringsVisibleTo(AccountRecord caller, string region) =>
        _peeringsVisibleTo.TryGetValue((caller.Uin, region), out var list) ? list : [];

    /// <summary>The peerings with <paramref name="vpc"/> at either end (<see cref="PeeringRecord.Involves"/>), any state, in creation order.</summary>
    public IReadOnlyList<PeeringRecord> PeeringsOf(VpcRecord vpc) =>
        _peeringsOfVpc.TryGetValue(vpc, out var list) ? list : [];

    /// <summary>The VPCs <paramref name="uin"/> owns in <paramref name="region"/>, in seed order.</summary>
    public IReadOnlyList<VpcRecord> VpcsOwnedBy(long uin, string region) =>
        _vpcsOwnedBy.TryGetValue((uin, region), out var list) ? list : [];

    /// <summary>Applies what time does on its own: activations finish, unanswered requests expire. Caller holds <see cref="Gate"/>.</summary>
    public void CatchUp(DateTimeOffset now, TimeSpan pendingExpiry)
    {
        FinishActivations(now);
        ExpirePending(now, pendingExpiry);
    }

    /// <summary>Accepted peerings whose activation time has come turn ACTIVE (or FAILED, when injected).</summary>
    private void FinishActivations(DateTimeOffset now)
    {
        if (_activating.Count == 0)
        {
            return;
        }

        _activating.RemoveAll(p =>
        {
            if (!p.IsActivating)
            {
                return true;
            }

            if (p.ActivationDueAt > now)
            {
                return false;
            }

            p.State = p.ActivationFails ? PeeringStates.Failed : PeeringStates.Active;
            p.StateChangedAt = p.ActivationDueAt!.Value;
            p.ActivationDueAt = null;
            return true;
        });
    }

    /// <summary>Starts an accepted peering's activation; it stays PENDING until <paramref name="dueAt"/>.</summary>
    public void StartActivation(PeeringRecord peering, DateTimeOffset dueAt, bool fails)
    {
        peering.ActivationDueAt = dueAt;
        peering.ActivationFails = fails;
        _activating.Add(peering);
    }

    /// <summary>Lazily applies the 7-day (configurable) expiry of unanswered requests. Caller holds <see cref="Gate"/>.</summary>
    private void ExpirePending(DateTimeOffset now, TimeSpan pendingExpiry)
    {
        // Runs before every request: skip the walk over every peering until the oldest pending one can have expired.
        if (_oldestPendingCreatedAt is not { } oldest || now - oldest < pendingExpiry)
        {
            return;
        }

        DateTimeOffset? stillPending = null;
        foreach (var p in Peerings)
        {
            if (p.State != PeeringStates.Pending || p.IsActivating)
            {
                continue;
            }

            if (now - p.CreatedAt >= pendingExpiry)
            {
                p.State = PeeringStates.Expired;
                p.StateChangedAt = p.CreatedAt + pendingExpiry;
            }
            else if (stillPending is null || p.CreatedAt < stillPending)
            {
                stillPending = p.CreatedAt;
            }
        }

        _oldestPendingCreatedAt = stillPending;
    }

    public IEnumerable<RouteRecord> AllRoutes => RouteTables.Values.SelectMany(t => t.Routes);

    /// <summary>
    /// Taken: a VPC, subnet, route table or peering (ever made) has it, or a live route has it as its item id. A
    /// deleted route's item id is free again, as it always was; only an id seen before needs the walk to tell.
    /// </summary>
    internal bool IsIdTaken(string id) =>
        Vpcs.ContainsKey(id) || Subnets.ContainsKey(id) || RouteTables.ContainsKey(id) || PeeringsById.ContainsKey(id)
        || (IsRouteItemId(id) && _routeItemIdsSeen.Contains(id) && AllRoutes.Any(r => r.RouteItemId == id));

    private static bool IsRouteItemId(string id) => id.StartsWith("rti-", StringComparison.Ordinal);

    private static List<TValue> ListFor<TKey, TValue>(Dictionary<TKey, List<TValue>> index, TKey key)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var list))
        {
            list = [];
            index[key] = list;
        }

        return list;
    }
}
