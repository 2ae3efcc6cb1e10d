using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using PeeringFunctions.Peerings;
using PeeringFunctions.Peerings.Requests;
using PeeringFunctions.Peerings.Topologies;
using PeeringFunctions.Web;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.HttpApi;

/// <summary>
/// The topology routes, host-agnostic like <see cref="PeeringApi"/>: verify and translate, then hand the request to
/// <see cref="TopologyOperations"/>.
/// </summary>
public sealed class TopologyApi(ApproverAuthenticator approvers, TopologyOperations topologies)
{
    /// <summary>POST /api/topologies[?dryRun=true]</summary>
    public async Task<ApiResponse> StartAsync(DurableTaskClient client, HttpRequest http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var (body, bad) = await PeeringApi.ReadBodyAsync<TopologyRequestBody>(http, "a topology");
        if (bad is not null)
        {
            return bad;
        }

        var dryRunText = http.Query["dryRun"].ToString();
        if (dryRunText is not ("" or "true" or "false"))
        {
            return ApiResponse.Problem(StatusCodes.Status400BadRequest, "The topology request is invalid.", "dryRun is true or false.",
                [new FieldProblem("dryRun", "must be true or false")]);
        }

        var (request, problems) = TopologyRequestValidator.Validate(body!, topologies.IsManaged, topologies.Limits);
        if (request is null)
        {
            return ApiResponse.Problem(StatusCodes.Status400BadRequest, "The topology request is invalid.",
                $"{problems.Count} field(s) break a rule; nothing was started.", problems);
        }

        var result = await topologies.StartAsync(
            client, request with { RequestedBy = CallerNames.PortalCaller(http.HttpContext) }, dryRunText == "true", http.HttpContext.RequestAborted);
        var location = HttpRoutes.PathOf(HttpRoutes.Topology, result.Id);
        return result.Outcome switch
        {
            TopologyStartOutcome.Started => ApiResponse.Accepted(result.Plan!, location),
            TopologyStartOutcome.DryRun => ApiResponse.Ok(result.Plan!),
            TopologyStartOutcome.Refused => ApiResponse.Problem(StatusCodes.Status422UnprocessableEntity, "The topology cannot be carried out.",
                result.Message!, [.. result.Plan!.Problems.Select(p => new FieldProblem("plan", p))]),
            _ => ApiResponse.Problem(StatusCodes.Status409Conflict, "This topology exists.", result.Message!) with { Location = location },
        };
    }

    /// <summary>POST /api/topologies/{id}/members: a member added to an ended topology; only its own pairs are planned and asked for.</summary>
    public async Task<ApiResponse> AddMemberAsync(DurableTaskClient client, string id, HttpRequest http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var (body, bad) = await PeeringApi.ReadBodyAsync<SideBody>(http, "a topology member");
        if (bad is not null)
        {
            return bad;
        }

        var instance = await topologies.FindAsync(client, id, http.HttpContext.RequestAborted);
        if (instance?.ReadInputAs<TopologyStart>() is not { } start)
        {
            return NotFound(id);
        }

        var (extended, problems) = TopologyRequestValidator.ValidateAddition(start.Request, body, topologies.IsManaged, topologies.Limits);
        if (extended is null)
        {
            return ApiResponse.Problem(StatusCodes.Status400BadRequest, "The member is invalid.", $"{problems.Count} field(s) break a rule; nothing was started.", problems);
        }

        var result = await topologies.AddMemberAsync(client, instance, extended, http.HttpContext.RequestAborted);
        var location = HttpRoutes.PathOf(HttpRoutes.Topology, id);
        return result.Outcome switch
        {
            TopologyStartOutcome.Started => ApiResponse.Accepted(result.Plan!, location),
            TopologyStartOutcome.Refused => ApiResponse.Problem(StatusCodes.Status422UnprocessableEntity, "The new pairs cannot be carried out.",
                result.Message!, [.. result.Plan!.Problems.Select(p => new FieldProblem("plan", p))]),
            _ => ApiResponse.Problem(StatusCodes.Status409Conflict, "The topology is still running.", result.Message!) with { Location = location },
        };
    }

    /// <summary>GET /api/topologies: every topology, newest first, with its state and how many of its pairs are active.</summary>
    public async Task<ApiResponse> ListAsync(DurableTaskClient client, HttpRequest http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return ApiResponse.Ok(await TopologySummary.ListAsync(client, http.HttpContext.RequestAborted));
    }

    /// <summary>GET /api/topologies/{id}</summary>
    public async Task<ApiResponse> GetAsync(DurableTaskClient client, string id, HttpRequest http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var view = await topologies.GetAsync(client, id, http.HttpContext.RequestAborted);
        return view is null ? NotFound(id) : ApiResponse.Ok(view);
    }

    /// <summary>
    /// POST /api/topologies/{id}/accept and /reject: one receiving account's decision for all its pairs. The bearer key
    /// names the account: the one asked whose approver key it is.
    /// </summary>
    public async Task<ApiResponse> DecideAsync(DurableTaskClient client, string id, bool accept, HttpRequest http)
    {
        ArgumentNullException.ThrowIfNull(http);
        // No credential, no answer about the id either: an unknown and an existing topology look the same.
        var authorization = http.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null;
        if (!ApproverAuthenticator.PresentsKey(authorization))
        {
            return ApiResponse.Problem(StatusCodes.Status401Unauthorized, "Approver credential required.",
                "Send a receiving account's approver key as 'Authorization: Bearer <key>'.");
        }

        var instance = await topologies.FindAsync(client, id, http.HttpContext.RequestAborted);
        if (instance is null)
        {
            return NotFound(id);
        }

        var asked = TopologyOperations.AccountsAsked(instance);
        var account = asked.FirstOrDefault(a => approvers.Check(authorization, a) == ApproverAuthenticator.Verdict.Allowed);
        if (account is null)
        {
            return ApiResponse.Problem(StatusCodes.Status403Forbidden, "Not an approver of a receiving account.",
                asked.Count == 0
                    ? "This topology asks no account for consent."
                    : $"Only approvers of {string.Join(", ", asked.Select(a => $"'{a}'"))} may decide on this topology, each for its own account.");
        }

        var result = await topologies.DecideAsync(
            client, instance, account, accept, DecisionSources.Http, $"approver of {account}", http.Headers["Idempotency-Key"].ToString(), http.HttpContext.RequestAborted);
        var location = HttpRoutes.PathOf(HttpRoutes.Topology, id);
        if (!result.Raised)
        {
            return result.Taken is { } taken
                ? ApiResponse.Problem(StatusCodes.Status409Conflict, "Already decided.",
                    $"{account} has decided already: {taken.Decision} ({taken.DecidedBy}). Yours changed nothing; the topology is {result.State}.") with { Location = location }
                : ApiResponse.Problem(StatusCodes.Status409Conflict, "This topology is not waiting for consent.", $"It is {result.State}.") with { Location = location };
        }

        return ApiResponse.Accepted(new { id, account, decision = accept ? "accept" : "reject", decisionId = result.DecisionId, confirmed = result.Confirmed }, location);
    }

    /// <summary>DELETE /api/topologies/{id}: tears down every pair the topology created, each as a peering's teardown.</summary>
    public async Task<ApiResponse> TeardownAsync(DurableTaskClient client, string id, HttpRequest http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var result = await topologies.TeardownAsync(client, id, CallerNames.PortalCaller(http.HttpContext), http.HttpContext.RequestAborted);
        var location = HttpRoutes.PathOf(HttpRoutes.Topology, id);
        return result switch
        {
            null => NotFound(id),
            { Started: false } => ApiResponse.Problem(StatusCodes.Status409Conflict, "The topology is still running.",
                $"It is {result.State}; tear it down once it has ended.") with { Location = location },
            _ => ApiResponse.Accepted(new { id, pairs = result.Pairs }, location),
        };
    }

    private static ApiResponse NotFound(string id) =>
        ApiResponse.Problem(StatusCodes.Status404NotFound, "No such topology.", $"There is no topology with id '{(id.Length > 80 ? id[..80] : id)}'.");
}
