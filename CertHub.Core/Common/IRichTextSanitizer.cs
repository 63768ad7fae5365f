namespace CertHub.Core.Common;

/// <summary>富文本净化: keeps the formatting of the rich-text toolbar and drops everything else (scripts, styles, events).</summary>
public interface IRichTextSanitizer
{
    string? Sanitize(string? html);
}
