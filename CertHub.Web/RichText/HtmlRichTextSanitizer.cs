using CertHub.Core.Common;
using Ganss.Xss;

namespace CertHub.Web.RichText;

/// <summary>富文本净化 with HtmlSanitizer: only the tags of the rich-text toolbar, no attributes, styles or scripts.</summary>
public sealed class HtmlRichTextSanitizer : IRichTextSanitizer
{
    private static readonly string[] AllowedTags =
        ["p", "div", "br", "b", "strong", "i", "em", "u", "s", "strike", "del", "h1", "h2", "h3", "h4", "ul", "ol", "li", "span"];

    private readonly HtmlSanitizer _sanitizer = Create();

    public string? Sanitize(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return null;
        }

        var clean = _sanitizer.Sanitize(html).Trim();
        return Core.Reports.RichText.StripTags(clean).Trim().Length == 0 ? null : clean;
    }

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Clear();
        sanitizer.AllowedTags.UnionWith(AllowedTags);
        sanitizer.AllowedAttributes.Clear();
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedAtRules.Clear();
        return sanitizer;
    }
}
