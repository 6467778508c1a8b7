namespace Serenity.Server.Admin;

/// <summary>What the host can plug into the <c>pbm</c> admin listener beyond its <see cref="CmdSettings"/>.</summary>
public sealed record CmdListenerOptions
{
    /// <summary>The membership the <c>cluster</c> palette shows; null: <see cref="LocalClusterAdmin"/> (one node, Up).</summary>
    public IClusterAdmin? Cluster { get; init; }

    /// <summary>The admin token; null: the node's (<c>SERENITY_ADMIN_TOKEN</c>, or the host's option).</summary>
    public string? AdminToken { get; init; }
}
