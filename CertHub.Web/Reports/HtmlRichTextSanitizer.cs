using CertHub.Core.Reports;
using Ganss.Xss;

namespace CertHub.Web.Reports;

/// <summary>净化富文本 with HtmlSanitizer: only the tags of the editor's toolbar, no attributes, no styles, no scripts.</summary>
public sealed class HtmlRichTextSanitizer : IRichTextSanitizer
{
    private static readonly string[] AllowedTags =
        ["p", "div", "br", "b", "strong", "i", "em", "u", "s", "strike", "del", "h1", "h2", "h3", "h4", "ul", "ol", "li", "span", "blockquote"];

    private readonly HtmlSanitizer _sanitizer = Create();

    public string Sanitize(string? html) => string.IsNullOrWhiteSpace(html) ? "" : _sanitizer.Sanitize(html).Trim();

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Clear();
        foreach (var tag in AllowedTags)
        {
            sanitizer.AllowedTags.Add(tag);
        }

        sanitizer.AllowedAttributes.Clear();
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedAtRules.Clear();
        sanitizer.KeepChildNodes = false;
        return sanitizer;
    }
}
