namespace Serenity.Cmd;

/// <summary>The process exit codes of <c>pbm</c>.</summary>
public static class ExitCodes
{
    /// <summary>The command succeeded.</summary>
    public const int Ok = 0;

    /// <summary>The node ran the command and it failed (the node's reason is printed).</summary>
    public const int Failed = 1;

    /// <summary>The command line was wrong (what was expected is printed).</summary>
    public const int Usage = 2;

    /// <summary>The node could not be reached (host:port and the error are printed).</summary>
    public const int Unreachable = 3;
}
