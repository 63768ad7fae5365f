using System.Text.RegularExpressions;

namespace CertHub.Web.Documents.Excel;

/// <summary>
/// CSV/formula injection guard of every exported cell: text that a spreadsheet could take for a formula (starting with
/// = + - @, a tab or a carriage return) is written with a leading apostrophe, so it stays text; plain numbers such as "-12.5"
/// or "+8613800000000" and dashes-only placeholders are left alone. <see cref="Restore"/> undoes it when a failed-rows file
/// comes back as an import.
/// </summary>
public static partial class FormulaGuard
{
    public const char Escape = '\'';

    /// <summary>The value to write: text neutralised when dangerous, any other value unchanged.</summary>
    public static object? Neutralize(object? value) => value is string text ? Neutralize(text) : value;

    public static string Neutralize(string text) => IsDangerous(text) ? Escape + text : text;

    /// <summary>True when a spreadsheet could read the text as a formula or a DDE call.</summary>
    public static bool IsDangerous(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n'
        && !PlainNumber().IsMatch(text) && text.Any(c => c != '-');

    /// <summary>An imported cell without the apostrophe that <see cref="Neutralize(string)"/> put before a dangerous text.</summary>
    public static string Restore(string text) =>
        text.Length > 1 && text[0] == Escape && IsDangerous(text[1..]) ? text[1..] : text;

    [GeneratedRegex(@"^[+-]?\d+(\.\d+)?$")]
    private static partial Regex PlainNumber();
}
