using System.Net;

namespace Serenity.Backtest.Report;

/// <summary>HTML escaping.</summary>
internal static class Html
{
    public static string Escape(string text) => WebUtility.HtmlEncode(text);
}
