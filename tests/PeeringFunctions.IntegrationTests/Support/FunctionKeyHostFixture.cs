using PeeringFunctions.Testing.Hosting;

namespace PeeringFunctions.IntegrationTests.Support;

/// <summary>A host whose portal routes require a function key, as in Azure; the tests send it, or not, themselves.</summary>
public sealed class FunctionKeyHostFixture : LocalHostFixture
{
    public const string FunctionKey = "portal-test-key";

    protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("Portal:FunctionKey", FunctionKey)];
}
