namespace PeeringFunctions.Peerings.Requests;

/// <summary>One field of a request that breaks a rule, and the rule, in words a person can act on.</summary>
public sealed record FieldProblem(string Field, string Rule);
