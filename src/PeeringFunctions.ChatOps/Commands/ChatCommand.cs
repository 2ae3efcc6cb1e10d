using PeeringFunctions.Peerings.Requests;


namespace PeeringFunctions.ChatOps.Commands;

public enum ChatVerb
{
    Help,
    Status,
    List,
    Accept,
    Reject,
    Teardown,
    Request,
    Bandwidth,
    Audit,

    /// <summary>repair &lt;id&gt;: put back what the watcher found (routes, subnets), whatever the peering's policy.</summary>
    Repair,

    /// <summary>extend-routes &lt;id&gt;: route the peer VPC's new CIDRs through the peering, after pre-flight.</summary>
    ExtendRoutes,

    /// <summary>discovered: the ACTIVE peerings our accounts see that nothing here manages yet.</summary>
    Discovered,

    /// <summary>adopt &lt;pcx&gt; &lt;account&gt;/&lt;region&gt; [repair|notify]: manage one of them as it is.</summary>
    Adopt,

    /// <summary>topology status &lt;id&gt;: where a topology stands.</summary>
    TopologyStatus,

    /// <summary>topology accept|reject &lt;id&gt; [account]: one receiving account's decision for all its pairs.</summary>
    TopologyAccept,
    TopologyReject,
}

/// <summary>One parsed chat command.</summary>
/// <param name="Target">status/audit/accept/reject/teardown/bandwidth/repair/extend-routes: a peering instance id (peering-vpc-…) or a pcx-… id, lower-case.</param>
/// <param name="State">list: the state filter, as the API spells it (e.g. WaitingForAcceptance).</param>
/// <param name="Request">request: the portal's fields, not yet validated.</param>
/// <param name="Problems">request: fields that could not even be read (unknown name, not a number…).</param>
/// <param name="BandwidthMbps">bandwidth: the new cap as typed (a whole number; its range is checked when it runs).</param>
/// <param name="Account">topology accept/reject: the receiving account decided for, when the user approves several; adopt: the account that sees the peering.</param>
/// <param name="Region">adopt: the region where that account sees it.</param>
/// <param name="RepairPolicy">adopt: repair or notify, as typed (checked by the adoption's validator); null for the default.</param>
public sealed record ChatCommand(
    ChatVerb Verb,
    string? Target = null,
    string? State = null,
    PeeringRequestBody? Request = null,
    IReadOnlyList<FieldProblem>? Problems = null,
    long? BandwidthMbps = null,
    string? Account = null,
    string? Region = null,
    string? RepairPolicy = null)
{
    public static readonly ChatCommand Help = new(ChatVerb.Help);
}

/// <summary>Either a command or a helpful reply saying what was wrong and how to write it.</summary>
public sealed record ChatParseResult(ChatCommand? Command, string? Error)
{
    public bool IsValid => Command is not null;

    public static ChatParseResult Ok(ChatCommand command) => new(command, null);

    public static ChatParseResult Fail(string error) => new(null, error);
}
