using System.Globalization;
using System.Net;

namespace CertHub.Core.Reports;

/// <summary>
/// 富文本字数: counts the characters a user sees in rich-text HTML — tags are dropped, entities (&amp;nbsp; &amp;lt; ...)
/// count as one character, and characters are user-perceived (a Chinese character or an emoji is one). It does not
/// sanitise; the Web layer does.
/// </summary>
public static class RichText
{
    /// <summary>The visible text of <paramref name="html"/>.</summary>
    public static string StripTags(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return "";
        }

        var text = new System.Text.StringBuilder(html.Length);
        var inTag = false;
        foreach (var c in html)
        {
            if (inTag)
            {
                inTag = c != '>';
            }
            else if (c == '<')
            {
                inTag = true;
            }
            else
            {
                text.Append(c);
            }
        }

        return WebUtility.HtmlDecode(text.ToString());
    }

    /// <summary>The number of visible characters of <paramref name="html"/>.</summary>
    public static int CountText(string? html) => new StringInfo(StripTags(html)).LengthInTextElements;
}
