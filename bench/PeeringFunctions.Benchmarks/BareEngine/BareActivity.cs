using System.Text.Json;
using Microsoft.DurableTask;

namespace PeeringFunctions.Benchmarks.BareEngine;

/// <summary>
/// One activity of the bare peering: it does nothing but hand back the result the real activity returned (its
/// payload, same size). The activity before the decision wait also tells the <see cref="BareApprover"/>, as the
/// real notification tells the receiver.
/// </summary>
public sealed class BareActivity(JsonElement? result, BareApprover? approver) : TaskActivity<JsonElement?, JsonElement?>
{
    /// <summary>One registered name per call of the shape, so each knows its result without looking it up.</summary>
    public static string NameOf(int step, int call) => $"Bare{step:D2}.{call:D2}";

    public override Task<JsonElement?> RunAsync(TaskActivityContext context, JsonElement? input)
    {
        approver?.Notify(context.InstanceId);
        return Task.FromResult(result);
    }
}
