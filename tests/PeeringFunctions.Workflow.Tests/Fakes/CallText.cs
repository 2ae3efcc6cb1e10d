using PeeringFunctions.Workflow.Activities;

namespace PeeringFunctions.Workflow.Tests.Fakes;

/// <summary>Activity calls as plain text, so whole sequences compare (records holding lists compare by reference).</summary>
public static class CallText
{
    public static string Of(string name, object? input) => input switch
    {
        DeleteRoutesInput d => $"{name}({d.Account}, {d.Region}, {d.RouteTableId}, {d.PeeringConnectionId}, keep [{string.Join(", ", d.KeepRouteItemIds)}])",
        CreateRoutesInput c => $"{name}({c.Account}, {c.Region}, {c.RouteTableId}, {c.PeeringConnectionId}, [{string.Join(", ", c.Destinations)}])",
        EnableRoutesInput e => $"{name}({e.Account}, {e.Region}, {e.RouteTableId}, {e.PeeringConnectionId}, [{string.Join(", ", e.Destinations)}])",
        AssociateSubnetInput a => $"{name}({a.Account}, {a.Region}, {a.SubnetId} -> {a.RouteTableId})",
        PeeringTarget p => $"{name}({p.Account}, {p.Region}, {p.PeeringConnectionId})",
        _ => $"{name}({input})",
    };

    public static string Of(ActivityCall call) => Of(call.Name, call.Input);
}
