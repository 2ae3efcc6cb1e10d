namespace PeeringFunctions.Registry;

/// <summary>The registry's store could not be read or written. The message names the table and the record, never a credential.</summary>
public sealed class PeeringRegistryException : Exception
{
    public PeeringRegistryException()
    {
    }

    public PeeringRegistryException(string message)
        : base(message)
    {
    }

    public PeeringRegistryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
