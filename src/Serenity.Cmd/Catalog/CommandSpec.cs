using Serenity.Cmd.Commands;

namespace Serenity.Cmd.Catalog;

/// <summary>A positional argument of a command (always required).</summary>
internal sealed record ArgumentSpec(string Name, string Description);

/// <summary>One command of a palette: its arguments, options, and how it is run.</summary>
internal sealed record CommandSpec(string Name, string Description, IReadOnlyList<ArgumentSpec> Arguments, IReadOnlyList<OptionSpec> Options, CommandHandler Handler)
{
    /// <summary>A command with no arguments or options.</summary>
    public CommandSpec(string name, string description, CommandHandler handler)
        : this(name, description, [], [], handler)
    {
    }

    /// <summary>The synopsis: <c>hierarchy [-d|--depth &lt;n&gt;] [-s|--path &lt;path&gt;]</c>.</summary>
    public string Synopsis => string.Join(' ', new[] { Name }
        .Concat(Arguments.Select(a => $"<{a.Name}>"))
        .Concat(Options.Select(o => o.Required ? o.Usage : $"[{o.Usage}]")));
}

/// <summary>A palette: a named group of commands (<c>actor</c>, <c>cluster</c>, ...).</summary>
internal sealed record PaletteSpec(string Name, string Description, IReadOnlyList<CommandSpec> Commands)
{
    /// <summary>The command called <paramref name="name"/>, or null.</summary>
    public CommandSpec? Find(string name) => Commands.FirstOrDefault(c => c.Name == name);
}
