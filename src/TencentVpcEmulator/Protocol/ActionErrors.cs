namespace TencentVpcEmulator.Protocol;

/// <summary>
/// The code one action gives for the checks every action makes (an unknown or missing parameter, a value of the
/// wrong type, a bad filter, an internal failure): the first of the fitting codes that the action's own list
/// documents. Only when its list has none of them does the platform's common code answer (an unknown parameter name
/// of an action that lists no UnknownParameter code).
/// </summary>
internal sealed class ActionErrors
{
    private readonly IReadOnlySet<string> _documented;

    public ActionErrors(string action)
    {
        _documented = DocumentedErrorCodes.For(action);
        UnknownParameter = FirstListed(ErrorCodes.UnknownParameterWithGuess, ErrorCodes.UnknownParameter, ErrorCodes.InvalidParameter)
            ?? ErrorCodes.UnknownParameter;
        MissingParameter = FirstListed(ErrorCodes.MissingParameter, ErrorCodes.InvalidParameterValueMalformed) ?? ErrorCodes.MissingParameter;
        WrongType = FirstListed(ErrorCodes.InvalidParameter, ErrorCodes.InvalidParameterValueMalformed) ?? ErrorCodes.InvalidParameter;
        FilterNotDict = FirstListed(ErrorCodes.InvalidParameterFilterNotDict, ErrorCodes.InvalidParameter) ?? ErrorCodes.InvalidParameter;
        FilterValuesNotList = FirstListed(ErrorCodes.InvalidParameterFilterValuesNotList, ErrorCodes.InvalidParameterFilterNotDict, ErrorCodes.InvalidParameter)
            ?? ErrorCodes.InvalidParameter;
        FilterInvalidKey = FirstListed(ErrorCodes.InvalidParameterFilterInvalidKey, ErrorCodes.InvalidParameter) ?? ErrorCodes.InvalidParameter;
        Internal = FirstListed(ErrorCodes.InternalError, ErrorCodes.InternalServerError, ErrorCodes.InternalErrorModuleError) ?? ErrorCodes.InternalError;
    }

    /// <summary>A parameter (or a field of an array element) the action does not define.</summary>
    public string UnknownParameter { get; }

    /// <summary>A required parameter (or element field) that is absent.</summary>
    public string MissingParameter { get; }

    /// <summary>A value of the wrong JSON type, or a body that is not a JSON object.</summary>
    public string WrongType { get; }

    public string FilterNotDict { get; }

    public string FilterValuesNotList { get; }

    public string FilterInvalidKey { get; }

    /// <summary>What an unexpected failure inside the emulator answers with.</summary>
    public string Internal { get; }

    private string? FirstListed(params string[] candidates) => candidates.FirstOrDefault(_documented.Contains);
}
