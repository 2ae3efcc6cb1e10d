namespace PeeringFunctions.LocalHost.Hosting;

/// <summary>The configuration cannot work (e.g. an account without a key). The message names keys, never their values.</summary>
public sealed class LocalHostConfigurationException(string message) : Exception(message);
