namespace Serenity.Server.Admin;

/// <summary>Holds the listener's <see cref="CmdContext"/>, which is complete only once the bound port is known.</summary>
internal sealed class CmdContextHolder
{
    public CmdContext? Context { get; set; }
}
