namespace Serenity.Risk.Checks;

/// <summary>The pre-trade check's answer; a rejection names the field and the reason, as order rejections do.</summary>
/// <param name="Accepted">True when every limit passed.</param>
/// <param name="Field">The rejected field (<c>quantity</c> or <c>symbol</c>), or null.</param>
/// <param name="Reason">Why it was rejected, with the figures, or null.</param>
/// <param name="VarBefore">Portfolio VaR before the trade (when the VaR limit was checked).</param>
/// <param name="VarAfter">Portfolio VaR after the trade (when the VaR limit was checked).</param>
public sealed record PreTradeDecision(bool Accepted, string? Field, string? Reason, decimal? VarBefore = null, decimal? VarAfter = null)
{
    /// <summary>An acceptance.</summary>
    public static PreTradeDecision Accept(decimal? varBefore = null, decimal? varAfter = null) => new(true, null, null, varBefore, varAfter);

    /// <summary>A rejection.</summary>
    public static PreTradeDecision Reject(string field, string reason, decimal? varBefore = null, decimal? varAfter = null) =>
        new(false, field, reason, varBefore, varAfter);
}
