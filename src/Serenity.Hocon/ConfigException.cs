namespace Serenity.Hocon;

/// <summary>A missing or ill-typed configuration value.</summary>
public sealed class ConfigException : HoconException
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public ConfigException(string path, string message)
        : base(message)
    {
        Path = path;
    }

    /// <summary>Creates the exception without a message.</summary>
    public ConfigException()
    {
        Path = string.Empty;
    }

    /// <summary>Creates the exception with a message.</summary>
    public ConfigException(string message)
        : base(message)
    {
        Path = string.Empty;
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public ConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
        Path = string.Empty;
    }

    /// <summary>The dotted configuration path concerned.</summary>
    public string Path { get; }
}
