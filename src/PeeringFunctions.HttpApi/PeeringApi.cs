using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using PeeringFunctions.Peerings;
using PeeringFunctions.Peerings.Adoption;
using PeeringFunctions.Peerings.Requests;
using PeeringFunctions.Registry;
using PeeringFunctions.Registry.Audit;
using PeeringFunctions.TencentAccess.Accounts;
using PeeringFunctions.Web;
using PeeringFunctions.Workflow.Contracts;

namespace PeeringFunctions.HttpApi;

/// <summary>
/// The HTTP API, host-agnostic: each method verifies and translates one request, then hands it to
/// <see cref="PeeringOperations"/> with the Durable client it is given. The Functions triggers and the local host
/// both call it, so they answer with the same bytes.
/// </summary>
public sealed class PeeringApi(ITencentClientFactory accounts, ApproverAuthenticator approvers, PeeringOperations operations)
{
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>POST /api/peerings</summary>
    public async Task<ApiResponse> StartAsync(DurableTaskClient client, HttpRequest http)
    {
        var (body, bad) = await ReadBodyAsync<PeeringRequestBody>(http);
        if (bad is not null)
        {
            return bad;
        }

        var (request, problems) = PeeringRequestValidator.Validate(body!, accounts.IsManaged);
        if (request is null)
        {
            return ApiResponse.Problem(StatusCodes.Status400BadRequest, "The peering request is invalid.",
                $"{problems.Count} field(s) break a rule; nothing was started.", problems);
        }

        var result = await operations.StartAsync(
            client, request with { RequestedBy = CallerNames.PortalCaller(http.HttpContext) }, http.HttpContext.RequestAborted, AuditChannels.Http);
        var location = HttpRoutes.PathOf(HttpRoutes.Peering, result.InstanceId);
        if (!result.Started)
        {
            // A run in progress answers with its status document; a peering already in place, with how to change it.
            return result.View is { RuntimeStatus: "Running" or "Pending" or "Suspended" }
                ? new ApiResponse(StatusCodes.Status409Conflict, result.View, location)
                : ApiResponse.Problem(StatusCodes.Status409Conflict, "This VPC pair already has a peering.", result.Refusal ?? result.InstanceId) with { Location = location };
        }

        return ApiResponse.Accepted(result.View ?? (object)new { id = result.InstanceId }, location);
    }

    /// <summary>GET /api/peerings/{id}</summary>
    public async Task<ApiResponse> GetAsync(DurableTaskClient client, string id, HttpRequest http)
    {
        var view = await operations.GetAsync(client, id, http.HttpContext.RequestAborted);
        return view is null ? NotFound(id) : ApiResponse.Ok(view);
    }

    /// <summary>GET /api/peerings[?state=…]</summary>
    public async Task<ApiResponse> ListAsync(DurableTaskClient client, HttpRequest http)
    {
        var views = await operations.ListAsync(client, http.Query["state"].ToString(), http.HttpContext.RequestAborted);
        return ApiResponse.Ok(new { count = views.Count, peerings = views });
    }

    /// <summary>POST /api/peerings/{id}/accept and /reject: the receiver's consent, raised as the decision event.</summary>
    public async Task<ApiResponse> DecideAsync(DurableTaskClient client, string id, bool accept, HttpRequest http)
    {
        // No credential, no answer about the id either: an unknown and an existing peering look the same.
        var authorization = http.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null;
        if (!ApproverAuthenticator.PresentsKey(authorization))
        {
            return MissingApproverCredential();
        }

        var instance = await operations.FindAsync(client, id, http.HttpContext.RequestAborted);
        if (instance is null)
        {
            return NotFound(id);
        }

        var request = instance.ReadInputAs<PeeringRequest>()!;
        switch (approvers.Check(authorization, request.Receiver.Account))
        {
            case ApproverAuthenticator.Verdict.MissingCredential:
                return MissingApproverCredential();
            case ApproverAuthenticator.Verdict.Forbidden:
                return ApiResponse.Problem(StatusCodes.Status403Forbidden, "Not an approver of the receiver.",
                    request.Receiver.IsManaged
                        ? $"Only approvers of account '{request.Receiver.Account}' may decide on this peering."
                        : "The receiver is an external account; it decides in its own Tencent console.");
        }

        var result = await operations.DecideAsync(
            client, instance, accept, DecisionSources.Http, $"approver of {request.Receiver.Account}",
            http.Headers["Idempotency-Key"].ToString(), http.HttpContext.RequestAborted, channel: AuditChannels.Http);
        if (result.Winner is { } winner)
        {
            return ApiResponse.Problem(StatusCodes.Status409Conflict, "Already decided.",
                $"Another decision was taken first: {(winner.Accept ? "accepted" : "rejected")} ({winner.Source}). Yours changed nothing; the peering is {result.State}.");
        }

        return result.Raised
            ? ApiResponse.Accepted(new { id, decision = accept ? "accept" : "reject", decisionId = result.DecisionId, confirmed = result.Confirmed }, HttpRoutes.PathOf(HttpRoutes.Peering, id))
            : ApiResponse.Problem(StatusCodes.Status409Conflict, "This peering is not waiting for a decision.", $"It is {result.State}.");
    }

    private static ApiResponse MissingApproverCredential(string whose = "the receiver account's") => ApiResponse.Problem(StatusCodes.Status401Unauthorized, "Approver credential required.",
        $"Send {whose} approver key as 'Authorization: Bearer <key>'.");

    /// <summary>DELETE /api/peerings/{id}: the portal (the initiator's side) tears a completed peering down on both sides.</summary>
    public async Task<ApiResponse> TeardownAsync(DurableTaskClient client, string id, HttpRequest http)
    {
        // With its history purged, the registry knows what to remove.
        var result = await operations.TeardownByIdAsync(client, id, CallerNames.PortalCaller(http.HttpContext), http.HttpContext.RequestAborted, AuditChannels.Http);
        return TeardownAnswer(id, result);
    }

    /// <summary>
    /// POST /api/peerings/{id}/teardown: either side's approvers tear the peering down with their account's approver key
    /// (Authorization: Bearer). Its own route because the Functions host checks a function key before DELETE's code runs.
    /// </summary>
    public async Task<ApiResponse> TeardownAsApproverAsync(DurableTaskClient client, string id, HttpRequest http)
    {
        // No credential, no answer about the id either: an unknown and an existing peering look the same.
        var authorization = http.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null;
        if (!ApproverAuthenticator.PresentsKey(authorization))
        {
            return MissingApproverCredential("either account's");
        }

        var parties = await operations.FindPartiesAsync(client, id, http.HttpContext.RequestAborted);
        if (parties is null)
        {
            return NotFound(id);
        }

        // The receiver's approvers first (the reason for this route), then the initiator's.
        var account = new[] { parties.ReceiverAccount, parties.InitiatorAccount }
            .FirstOrDefault(candidate => candidate is not null && approvers.Check(authorization, candidate) == ApproverAuthenticator.Verdict.Allowed);
        if (account is null)
        {
            return ApiResponse.Problem(StatusCodes.Status403Forbidden, "Not an approver of this peering.",
                $"Only approvers of {(parties.ReceiverAccount is { } receiver && receiver != parties.InitiatorAccount ? $"account '{receiver}' or " : "")}account '{parties.InitiatorAccount}' may tear down this peering.");
        }

        var result = await operations.TeardownByIdAsync(client, id, $"approver of {account} ({DecisionSources.Http})", http.HttpContext.RequestAborted, AuditChannels.Http);
        return TeardownAnswer(id, result);
    }

    private static ApiResponse TeardownAnswer(string id, TeardownResult? result) => result switch
    {
        null => NotFound(id),
        { TeardownId: null } refused => ApiResponse.Problem(StatusCodes.Status409Conflict, "Only an active peering can be torn down.",
            $"It is {refused.State}{WhyNot(refused.State)}. Nothing was changed.") with { Location = HttpRoutes.PathOf(HttpRoutes.Peering, id) },
        _ => ApiResponse.Accepted(new { id, teardownId = result.TeardownId }, HttpRoutes.PathOf(HttpRoutes.Peering, id)),
    };

    private static string WhyNot(string state) => state switch
    {
        LifecycleStates.TearingDown => ": a teardown is already running",
        LifecycleStates.TornDown => ": it was torn down already",
        RegistryStates.Requested or PeeringSteps.Preflight or PeeringSteps.Requesting or PeeringSteps.WaitingForAcceptance or PeeringSteps.Accepting
            or PeeringSteps.Activating or PeeringSteps.Configuring or PeeringSteps.Verifying or "Starting" =>
            ": it is still being requested; reject it or wait until it is active",
        _ => "",
    };

    /// <summary>PATCH /api/peerings/{id}: change an active cross-region peering's bandwidth cap.</summary>
    public async Task<ApiResponse> ChangeBandwidthAsync(DurableTaskClient client, string id, HttpRequest http)
    {
        var (body, bad) = await ReadBodyAsync<BandwidthChangeBody>(http, "a bandwidth change");
        if (bad is not null)
        {
            return bad;
        }

        var (bandwidthMbps, problems) = BandwidthChangeValidator.Validate(body!);
        if (bandwidthMbps is not { } mbps)
        {
            return ApiResponse.Problem(StatusCodes.Status400BadRequest, "The bandwidth change is invalid.",
                "The new bandwidth cap breaks a rule; nothing was changed.", problems);
        }

        var instance = await operations.FindAsync(client, id, http.HttpContext.RequestAborted);
        if (instance is null)
        {
            return NotFound(id);
        }

        var result = await operations.ChangeBandwidthAsync(client, instance, mbps, http.HttpContext.RequestAborted, CallerNames.PortalCaller(http.HttpContext), AuditChannels.Http);
        var location = HttpRoutes.PathOf(HttpRoutes.Peering, id);
        return result.ChangeId is { } changeId
            ? ApiResponse.Accepted(new { id, changeId, bandwidthMbps = mbps }, location)
            : ApiResponse.Problem(StatusCodes.Status409Conflict, result.Refusal switch
            {
                BandwidthChangeRefusal.IntraRegion => "An intra-region peering has no bandwidth cap.",
                BandwidthChangeRefusal.ChangeRunning => "A bandwidth change is already running.",
                _ => "Only an active peering's bandwidth can change.",
            }, result.Message) with { Location = location };
    }

    private static ApiResponse NotFound(string id) =>
        ApiResponse.Problem(StatusCodes.Status404NotFound, "No such peering.", $"There is no peering with id '{(id.Length > 80 ? id[..80] : id)}'.");

    internal static async Task<(T? Body, ApiResponse? Problem)> ReadBodyAsync<T>(HttpRequest http, string what = "a peering request")
        where T : class
    {
        if (http.ContentType is not { } contentType
            || !contentType.Split(';')[0].Trim().Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, ApiResponse.Problem(StatusCodes.Status415UnsupportedMediaType, "JSON expected.",
                "Send the request with 'Content-Type: application/json'.", [new FieldProblem("Content-Type", "must be application/json")]));
        }

        if (await BoundedBody.ReadAsync(http, MaxBodyBytes) is not { } bytes)
        {
            return (null, TooLarge());
        }

        try
        {
            var body = JsonSerializer.Deserialize<T>(WithoutByteOrderMark(bytes), ApiJson.Options);
            return body is null
                ? (null, ApiResponse.Problem(StatusCodes.Status400BadRequest, "The body is empty.", "Send a JSON object.", [new FieldProblem("$", "must be a JSON object")]))
                : (body, null);
        }
        catch (JsonException error)
        {
            var field = string.IsNullOrEmpty(error.Path) || error.Path == "$" ? "$" : error.Path.TrimStart('$', '.');
            return (null, ApiResponse.Problem(StatusCodes.Status400BadRequest, $"The body is not valid JSON for {what}.",
                FirstSentence(error.Message), [new FieldProblem(field, "must be well-formed JSON of the documented type, each field given once (in any letter case); unknown fields are refused")]));
        }
    }

    /// <summary>A UTF-8 byte order mark before the JSON is not part of it (RFC 8259 §8.1 lets a reader ignore it).</summary>
    private static ReadOnlySpan<byte> WithoutByteOrderMark(ReadOnlySpan<byte> body) =>
        body.StartsWith("\uFEFF"u8) ? body["\uFEFF"u8.Length..] : body;

    private static ApiResponse TooLarge() => ApiResponse.Problem(StatusCodes.Status413PayloadTooLarge, "The body is too large.",
        $"A request body is at most {MaxBodyBytes} bytes.", [new FieldProblem("$", $"must be at most {MaxBodyBytes} bytes")]);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
