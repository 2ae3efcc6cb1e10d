using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PeeringFunctions.Peerings.Auditing;
using PeeringFunctions.Registry;
using PeeringFunctions.Registry.Audit;
using PeeringFunctions.TencentAccess.Accounts;
using PeeringFunctions.TencentAccess.Facts;
using PeeringFunctions.TencentAccess.Paging;
using PeeringFunctions.TencentCloud.Common;
using PeeringFunctions.TencentCloud.Vpc.V20170312;
using PeeringFunctions.TencentCloud.Vpc.V20170312.Models;

namespace PeeringFunctions.Peerings.Adoption;

/// <summary>
/// Peerings made elsewhere (console, Terraform) brought under management: <see cref="DiscoverAsync"/> lists the ACTIVE
/// ones our accounts see that nothing of ours manages, <see cref="AdoptAsync"/> records one as it is. Both only read
/// Tencent: an adopted peering's desired state is what was there.
/// </summary>
public sealed class PeeringAdoption(
    ITencentClientFactory clients,
    IOptionsMonitor<TencentOptions> tencent,
    IOptionsMonitor<PortalOptions> portal,
    IPeeringRegistry registry,
    PeeringOperations operations,
    TimeProvider time,
    ILogger<PeeringAdoption> logger,
    PeeringAudit? audit = null)
{
    private const int MaxParallelReads = 4;

    /// <summary>A safety cap on one listing's pages (5,000 items): discovery runs while a person waits.</summary>
    private const int MaxPages = 50;

    /// <summary>
    /// Every ACTIVE peering visible to a configured account in a configured region (Portal:Regions) that no record in
    /// place and no run of ours holds, once even when both sides are ours, with each managed side's routes through it.
    /// Tencent cost: one paged DescribeVpcPeeringConnections per (account, region), and one paged DescribeRouteTables
    /// per (account, region) that owns a side of a discovered peering.
    /// </summary>
    public async Task<DiscoveryReport> DiscoverAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        var accounts = new ManagedAccounts(tencent.CurrentValue);
        var held = await HeldPeeringConnectionsAsync(client, cancellationToken);
        var calls = new CallCount();
        using var throttle = new SemaphoreSlim(MaxParallelReads);

        var groups = accounts.Aliases.SelectMany(a => portal.CurrentValue.EffectiveRegions.Select(r => new Group(a, r))).ToList();
        var listings = await Task.WhenAll(groups.Select(g => ReadGroupAsync(g, throttle, calls, () => ListActiveAsync(g, calls, cancellationToken))));
        var problems = listings.Select(l => l.Problem).OfType<string>().ToList();

        // Both sides ours: each sees it; the first sighting (groups in name order) names it.
        var found = new Dictionary<string, (PeeringFacts Facts, PeeringSides Sides)>(StringComparer.Ordinal);
        foreach (var (group, peerings) in listings.Where(l => l.Value is not null).Select(l => (l.Group, l.Value!)))
        {
            foreach (var facts in peerings.Where(p => p.State == PeeringConnectionStates.Active && !p.NamesNoPeerVpc() && !held.Contains(p.PeeringConnectionId)))
            {
                found.TryAdd(facts.PeeringConnectionId, (facts, PeeringSides.Of(facts, group.Account, group.Region, accounts)));
            }
        }

        var tableGroups = found.Values.SelectMany(f => f.Sides.Managed).Select(s => new Group(s.Account!, s.Region)).Distinct().ToList();
        var tableReads = await Task.WhenAll(tableGroups.Select(g => ReadGroupAsync(g, throttle, calls, () => ListTablesAsync(g, vpcId: null, calls, cancellationToken))));
        problems.AddRange(tableReads.Select(t => t.Problem).OfType<string>());
        var tables = tableReads.Where(t => t.Value is not null).ToDictionary(t => t.Group, t => t.Value!);

        var discovered = found.Values
            .Select(f => ToDiscovered(f.Facts, f.Sides, tables))
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
        return new DiscoveryReport(discovered, problems, calls.Value);
    }

    /// <summary>
    /// Records the ACTIVE peering <see cref="AdoptionRequest.PeeringConnectionId"/> as <see cref="AdoptionRequest.Account"/>
    /// sees it in <see cref="AdoptionRequest.Region"/>: its sides, and on each managed side the routes via it (the one
    /// table holding them, their destinations, the subnets on that table) as the desired state. Nothing is written to
    /// Tencent; the record is added only if no record in place holds the id, so two adoptions racing record one.
    /// </summary>
    /// <param name="channel">The door it came through, for the audit trail (the JSON API unless said).</param>
    public async Task<AdoptionResult> AdoptAsync(
        DurableTaskClient client, AdoptionRequest request, string adoptedBy, CancellationToken cancellationToken, string channel = AuditChannels.Http)
    {
        ArgumentNullException.ThrowIfNull(request);
        var at = time.GetUtcNow();
        var pcx = request.PeeringConnectionId;
        if (!clients.IsManaged(request.Account))
        {
            return AdoptionResult.Refused(AdoptionRefusal.NotOurs,
                $"'{Shorten(request.Account)}' is not an account configured here: only a peering with a side in one of our accounts can be adopted. Nothing was recorded.");
        }

        PeeringFacts? facts;
        try
        {
            facts = await DescribeAsync(request, cancellationToken);
        }
        catch (Exception error) when (IsReadFailure(error))
        {
            return TencentFailed(error, $"{request.Account} in {request.Region}");
        }

        if (facts is null)
        {
            return AdoptionResult.Refused(AdoptionRefusal.NotFound,
                $"{request.Account} sees no peering {pcx} in {request.Region}. Tencent shows a peering only to its two sides, each in its own VPC's region: " +
                "check the account and the region (GET /api/peerings/discovered lists what our accounts see).");
        }

        var accounts = new ManagedAccounts(tencent.CurrentValue);
        var sides = PeeringSides.Of(facts, request.Account, request.Region, accounts);
        if (sides.Managed.Count == 0)
        {
            return AdoptionResult.Refused(AdoptionRefusal.NotOurs,
                $"Neither side of {pcx} ({facts.SourceVpcId}, {facts.DestinationVpcId}) is in an account configured here. Nothing was recorded.");
        }

        if (facts.State != PeeringConnectionStates.Active || facts.NamesNoPeerVpc())
        {
            return AdoptionResult.Refused(AdoptionRefusal.NotActive,
                $"{pcx} is {facts.State} in Tencent: only an ACTIVE peering can be adopted (a pending one is accepted or rejected first).");
        }

        var id = PeeringInstanceIds.ForPair(facts.SourceVpcId, facts.DestinationVpcId);
        if (await HolderAsync(client, id, cancellationToken) is { } holder)
        {
            return AdoptionResult.Refused(AdoptionRefusal.AlreadyManaged, holder, id);
        }

        var routes = new Dictionary<string, IReadOnlyList<DiscoveredRouteTable>>(StringComparer.Ordinal);
        foreach (var side in sides.Managed)
        {
            try
            {
                var tables = await ListTablesAsync(new Group(side.Account!, side.Region), side.VpcId, new CallCount(), cancellationToken);
                routes[side.VpcId] = PeeringRoutes.Of(tables, side.VpcId, pcx);
            }
            catch (Exception error) when (IsReadFailure(error))
            {
                return TencentFailed(error, $"{side.Account} in {side.Region}");
            }

            if (routes[side.VpcId] is { Count: > 1 } several)
            {
                return AdoptionResult.Refused(AdoptionRefusal.SeveralRouteTables,
                    $"{side.VpcId} routes through {pcx} from {several.Count} route tables ({string.Join(", ", several.Select(t => t.RouteTableId))}); " +
                    "a managed peering has one table per side. Keep its routes in one table (delete the others' routes via the peering), then adopt it. Nothing was recorded.",
                    id);
            }
        }

        var record = AdoptedRecord.Of(id, facts, sides, routes, request.RepairPolicy, adoptedBy, time.GetUtcNow());
        if (!await registry.AddAsync(record, cancellationToken))
        {
            // A record of an earlier peering of the pair that is over may be replaced; one in place (perhaps written by
            // an adoption racing this one) may not.
            var stored = await registry.UpdateAsync(id, current => RegistryLife.IsInPlace(current.State) ? null : record, cancellationToken);
            if (stored is null ? !await registry.AddAsync(record, cancellationToken) : !ReferenceEquals(stored, record))
            {
                var winner = stored ?? await registry.GetAsync(id, cancellationToken);
                return AdoptionResult.Refused(AdoptionRefusal.AlreadyManaged,
                    $"{id} already manages these two VPCs ({winner?.PeeringConnectionId ?? pcx}, {winner?.State ?? "in place"}); nothing was recorded.", id);
            }
        }

        logger.LogInformation("Adopted {PeeringConnectionId} as {PeeringId} ({RepairPolicy})", pcx, id, request.RepairPolicy);
        if (audit is not null)
        {
            await audit.RecordAsync(id, at, AuditKinds.Adopted, adoptedBy, channel,
                $"Adopted {pcx} as {request.Account} sees it in {request.Region} ({facts.SourceVpcId} ↔ {facts.DestinationVpcId}), repair policy {request.RepairPolicy}; nothing was written to Tencent.");
        }

        return new AdoptionResult(record, null, id, record.Message ?? "Adopted.");
    }

    /// <summary>Why the VPC pair's id is taken, or null: a registry record in place, or a run of ours that holds the pair.</summary>
    private async Task<string?> HolderAsync(DurableTaskClient client, string id, CancellationToken cancellationToken)
    {
        if (await registry.GetAsync(id, cancellationToken) is { } record && RegistryLife.IsInPlace(record.State))
        {
            return $"{id} already manages these two VPCs ({record.PeeringConnectionId}, {record.State}, {record.Origin}); nothing was recorded.";
        }

        return await operations.InstanceHoldingPairAsync(client, id, cancellationToken) is { } run
            ? $"{id} already holds these two VPCs: a peering requested through us ({run.PeeringConnectionId ?? "no peering connection yet"}, {run.State}); nothing was recorded."
            : null;
    }

    /// <summary>The pcx ids a record in place or a run of ours holds: discovery leaves them out.</summary>
    private async Task<HashSet<string>> HeldPeeringConnectionsAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        var held = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var record in registry.ListAsync(cancellationToken))
        {
            if (RegistryLife.IsInPlace(record.State) && record.PeeringConnectionId is { } pcx)
            {
                held.Add(pcx);
            }
        }

        // Runs from before the registry (or whose record write failed) hold their peering too.
        foreach (var view in await operations.ListAsync(client, state: null, cancellationToken))
        {
            if (view.PeeringConnectionId is { } pcx && PeeringOperations.HoldsPair(view))
            {
                held.Add(pcx);
            }
        }

        return held;
    }

    private async Task<PeeringFacts?> DescribeAsync(AdoptionRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var response = await clients.Create(request.Account, request.Region).DescribeVpcPeeringConnections(
                new DescribeVpcPeeringConnectionsRequest { PeeringConnectionIds = [request.PeeringConnectionId] }, cancellationToken);
            return (response.PeerConnectionSet ?? []).Select(p => p.ToFacts()).FirstOrDefault(p => p.PeeringConnectionId == request.PeeringConnectionId);
        }
        catch (TencentCloudSDKException error) when (error.Code == TencentErrorCodes.ResourceNotFound)
        {
            return null;
        }
    }

    private async Task<IReadOnlyList<PeeringFacts>> ListActiveAsync(Group group, CallCount calls, CancellationToken cancellationToken)
    {
        var client = clients.Create(group.Account, group.Region);
        var peerings = await TencentPaging.ReadAllAsync<PeerConnection>(async offset =>
        {
            calls.Add();
            var response = await client.DescribeVpcPeeringConnections(new DescribeVpcPeeringConnectionsRequest
            {
                Filters = [new Filter { Name = "state", Values = [PeeringConnectionStates.Active] }],
                Offset = offset,
                Limit = TencentPaging.PageSize,
            }, cancellationToken);
            return (response.PeerConnectionSet, response.TotalCount);
        }, MaxPages);
        return [.. peerings.Select(p => p.ToFacts())];
    }

    /// <summary>The account's route tables in the region: all of them, or only <paramref name="vpcId"/>'s.</summary>
    private async Task<IReadOnlyList<RouteTable>> ListTablesAsync(Group group, string? vpcId, CallCount calls, CancellationToken cancellationToken)
    {
        var client = clients.Create(group.Account, group.Region);
        return await TencentPaging.ReadAllAsync<RouteTable>(async offset =>
        {
            calls.Add();
            var response = await client.DescribeRouteTables(new DescribeRouteTablesRequest
            {
                Filters = vpcId is null ? null : [new Filter { Name = "vpc-id", Values = [vpcId] }],
                Offset = Text(offset),
                Limit = Text(TencentPaging.PageSize),
            }, cancellationToken);
            return (response.RouteTableSet, (long?)response.TotalCount);
        }, MaxPages);
    }

    /// <summary>One group's read, throttled; a group that fails is a problem in the report, never the end of the others.</summary>
    private async Task<GroupRead<T>> ReadGroupAsync<T>(Group group, SemaphoreSlim throttle, CallCount calls, Func<Task<T>> read)
        where T : class
    {
        await throttle.WaitAsync();
        try
        {
            return new(group, await read(), null);
        }
        catch (Exception error) when (IsReadFailure(error))
        {
            logger.LogWarning("Discovery read of {Account} in {Region} failed: {Code}", group.Account, group.Region, Describe(error));
            return new(group, null, $"{group.Account} in {group.Region}: {Describe(error)}");
        }
        finally
        {
            throttle.Release();
        }
    }

    private static DiscoveredPeering ToDiscovered(PeeringFacts facts, PeeringSides sides, Dictionary<Group, IReadOnlyList<RouteTable>> tables)
    {
        var caller = sides.Managed[0];
        return new DiscoveredPeering(
            PeeringInstanceIds.ForPair(facts.SourceVpcId, facts.DestinationVpcId),
            facts.PeeringConnectionId,
            facts.Name,
            facts.State,
            Side(sides.Initiator),
            Side(sides.Receiver),
            new AdoptionBody { Account = caller.Account, Region = caller.Region, PeeringConnectionId = facts.PeeringConnectionId, RepairPolicy = RepairPolicies.Repair });

        DiscoveredSide Side(SeenSide side) => new(
            side.Account,
            side.Uin,
            side.Region,
            side.VpcId,
            side.Account is not null,
            side.Account is not null && tables.TryGetValue(new Group(side.Account, side.Region), out var read)
                ? PeeringRoutes.Of(read, side.VpcId, facts.PeeringConnectionId)
                : []);
    }

    private AdoptionResult TencentFailed(Exception error, string where)
    {
        logger.LogWarning("Adoption read of {Where} failed: {Code}", where, Describe(error));
        return AdoptionResult.Refused(AdoptionRefusal.TencentFailed, $"Tencent could not be read ({where}: {Describe(error)}); nothing was recorded. Try again.");
    }

    // The code only, never Tencent's message: it may quote request details.
    private static string Describe(Exception error) => error switch
    {
        TencentCloudSDKException tencent => tencent.Code,
        UnknownAccountException => "unknown account",
        TaskCanceledException or TimeoutException => "timed out",
        HttpRequestException => "unreachable",
        _ => error.GetType().Name,
    };

    private static bool IsReadFailure(Exception error) =>
        error is TencentCloudSDKException or UnknownAccountException or HttpRequestException or TimeoutException
        || (error is TaskCanceledException && error.InnerException is TimeoutException);

    private static string Text(int number) => number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private readonly record struct Group(string Account, string Region);

    private sealed record GroupRead<T>(Group Group, T? Value, string? Problem)
        where T : class;

    /// <summary>Counts calls made by reads running at once.</summary>
    private sealed class CallCount
    {
        private int value;

        public int Value => Volatile.Read(ref value);

        public void Add() => Interlocked.Increment(ref value);
    }
}
