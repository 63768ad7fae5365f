using System.Text.RegularExpressions;

namespace CertHub.Bench.Load;

/// <summary>The MudTable pager's info text of the lists (ServerPaging.InfoFormat: 第 21-40 条，共 N 条).</summary>
internal static partial class PagerText
{
    [GeneratedRegex(@"第\s*([\d,]+)-([\d,]+)\s*条")]
    public static partial Regex Info();

    /// <summary>Whether a prerendered page already shows rows of its list (a page starting at item 1).</summary>
    public static bool ShowsRows(string html) => Info().Match(html) is { Success: true } m && m.Groups[1].Value == "1";
}
