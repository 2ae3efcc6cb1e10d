using Microsoft.Extensions.Logging;
using PeeringFunctions.ChatOps.Commands;

namespace PeeringFunctions.ChatOps.Http;

/// <summary>
/// Runs a command within the platform's reply budget. The work does not depend on the HTTP request, so when the
/// budget runs out it carries on and the caller answers "working on it" (and, where the platform allows, follows up).
/// </summary>
internal static class CommandRunner
{
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(1);

    public const string StillWorking =
        "That is taking longer than usual; I'm still on it. Check again with status <id> or list in a minute.";

    /// <summary>Starts the command; failures become a polite reply, never an exception.</summary>
    public static async Task<ChatReply> RunAsync(Func<CancellationToken, Task<ChatReply>> command, ILogger logger)
    {
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            return await command(timeout.Token);
        }
        catch (Exception error)
        {
            logger.LogError(error, "A chat command failed");
            return new ChatReply(
                "Sorry, something went wrong on my side and I can't tell whether that went through. Check with status <id> in a minute.",
                ChatReplyKind.Error);
        }
    }

    /// <summary>The reply if <paramref name="work"/> finishes within <paramref name="budget"/>, else null (it keeps running).</summary>
    public static async Task<ChatReply?> WithinAsync(Task<ChatReply> work, TimeSpan budget, TimeProvider time) =>
        await FinishesWithinAsync(work, budget, time) ? await work : null;

    /// <summary>Waits for <paramref name="task"/> at most <paramref name="budget"/>; true when it finished in time.</summary>
    public static async Task<bool> FinishesWithinAsync(Task task, TimeSpan budget, TimeProvider time)
    {
        if (task.IsCompleted)
        {
            return true;
        }

        if (budget <= TimeSpan.Zero)
        {
            return false;
        }

        using var cancel = new CancellationTokenSource();
        var deadline = Task.Delay(budget, time, cancel.Token);
        var first = await Task.WhenAny(task, deadline);
        await cancel.CancelAsync();
        return first == task;
    }
}
