namespace PeeringFunctions.ChatOps.Commands;

public enum ChatReplyKind
{
    /// <summary>An answer that changed nothing: help, status, list.</summary>
    Info,

    /// <summary>Something was started or raised.</summary>
    Done,

    /// <summary>Not allowed for this user; nothing changed.</summary>
    Refused,

    /// <summary>The command or its fields are wrong; nothing changed.</summary>
    Invalid,

    /// <summary>No such peering.</summary>
    NotFound,

    /// <summary>The peering is not in a state where that can happen.</summary>
    Conflict,

    /// <summary>Our side failed; the user may retry.</summary>
    Error,
}

/// <summary>A short, human answer in plain text (URLs are written out; every chat client links them).</summary>
public sealed record ChatReply(string Text, ChatReplyKind Kind = ChatReplyKind.Info, string? InstanceId = null);
