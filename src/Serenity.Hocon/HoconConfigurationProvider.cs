using Microsoft.Extensions.Configuration;

namespace Serenity.Hocon;

/// <summary>Exposes a HOCON config as .NET configuration keys: dotted paths become ':'-separated keys.</summary>
internal sealed class HoconConfigurationProvider : ConfigurationProvider
{
    private readonly Config? _config;
    private readonly string? _path;
    private readonly bool _optional;

    public HoconConfigurationProvider(Config? config, string? path, bool optional)
    {
        _config = config;
        _path = path;
        _optional = optional;
    }

    public override void Load()
    {
        var config = _config;
        if (config is null)
        {
            if (_path is null || !File.Exists(_path))
            {
                if (_optional)
                {
                    Data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
                    return;
                }

                config = ConfigurationFactory.ParseFile(_path ?? string.Empty);
            }
            else
            {
                config = ConfigurationFactory.ParseFile(_path);
            }
        }

        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (path, value) in config.FlattenSegments())
        {
            data[string.Join(ConfigurationPath.KeyDelimiter, path)] = value;
        }

        Data = data;
    }
}
