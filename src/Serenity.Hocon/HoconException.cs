namespace Serenity.Hocon;

/// <summary>Base class of all HOCON errors.</summary>
public class HoconException : Exception
{
    /// <summary>Creates an exception without a message.</summary>
    public HoconException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public HoconException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and an inner exception.</summary>
    public HoconException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
