namespace TencentVpcEmulator.Protocol;

/// <summary>JSON type expected for a top-level request parameter (API 3.0 types, spec §4).</summary>
internal enum ParamType
{
    String,

    /// <summary>A JSON string holding a decimal integer: Offset/Limit of DescribeVpcs/Subnets/RouteTables.</summary>
    NumericString,
    Integer,
    Boolean,
    StringArray,

    /// <summary>An array of JSON integers: RouteIds of EnableRoutes/DisableRoutes.</summary>
    IntegerArray,
    FilterArray,
    ObjectArray,
}

internal sealed record ParamSpec(string Name, ParamType Type, bool Required);

/// <summary>The declared parameters of one action: anything else is UnknownParameter.</summary>
internal sealed class ParameterSchema
{
    private readonly Dictionary<string, ParamSpec> _specs = new(StringComparer.Ordinal);

    public ParameterSchema Required(string name, ParamType type) => Add(new ParamSpec(name, type, true));

    public ParameterSchema Optional(string name, ParamType type) => Add(new ParamSpec(name, type, false));

    public IEnumerable<ParamSpec> Specs => _specs.Values;

    public bool TryGet(string name, out ParamSpec spec) => _specs.TryGetValue(name, out spec!);

    private ParameterSchema Add(ParamSpec spec)
    {
        _specs.Add(spec.Name, spec);
        return this;
    }
}
