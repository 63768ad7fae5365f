using System.Text;
using CertHub.Core.Common;

namespace CertHub.Core.Reports;

/// <summary>
/// 签名盖章的扫描件: exactly one PDF, judged by its content (a "%PDF-1.x" header and an "%%EOF" trailer), not its name,
/// and at most <see cref="MaxBytes"/>.
/// </summary>
public static class ScanPdfRules
{
    public const long MaxBytes = 10L * 1024 * 1024;
    public const string NotPdfMessage = "签名盖章的扫描件只能上传一个pdf文件";
    public const string TooLargeMessage = "签名盖章的扫描件不能超过10MB";

    /// <summary>Throws unless <paramref name="content"/> is a PDF within the size limit.</summary>
    public static void Check(ReadOnlySpan<byte> content)
    {
        DomainRuleException.ThrowIf(content.Length > MaxBytes, TooLargeMessage);
        DomainRuleException.ThrowIf(!IsPdf(content), NotPdfMessage);
    }

    /// <summary>Whether the bytes start with a PDF header (%PDF-d.d) and end with an %%EOF marker (within the last 1 KB).</summary>
    public static bool IsPdf(ReadOnlySpan<byte> content)
    {
        if (content.Length < 16 || !content.StartsWith("%PDF-"u8))
        {
            return false;
        }

        var version = content[5..8];
        if (!char.IsAsciiDigit((char)version[0]) || version[1] != (byte)'.' || !char.IsAsciiDigit((char)version[2]))
        {
            return false;
        }

        var tail = content[Math.Max(0, content.Length - 1024)..];
        return tail.IndexOf("%%EOF"u8) >= 0 && !IsAlsoZip(content);
    }

    /// <summary>
    /// A PDF that is also a zip (a polyglot: a zip hidden in or behind the PDF) is refused. Like unzip, this finds a zip
    /// end-of-central-directory record whose central directory (of at least one entry) sits right before it, wherever the zip
    /// starts; a real scan never holds that pair of structures.
    /// </summary>
    public static bool IsAlsoZip(ReadOnlySpan<byte> content)
    {
        var end = content.Length;
        while (end > 0)
        {
            var eocd = content[..end].LastIndexOf("PK\u0005\u0006"u8);
            if (eocd < 0)
            {
                return false;
            }

            if (eocd + 22 <= content.Length)
            {
                var entries = content[eocd + 10] | (content[eocd + 11] << 8);
                long directorySize = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(content[(eocd + 12)..]);
                var directory = eocd - directorySize;
                if (entries > 0 && directory >= 0 && content[(int)directory..].StartsWith("PK\u0001\u0002"u8))
                {
                    return true;
                }
            }

            end = eocd;
        }

        return false;
    }

    /// <summary>A safe stored file name: the original name's characters that are letters, digits, '-', '_' or '.', ending in .pdf.</summary>
    public static string SafeFileName(string? fileName)
    {
        var name = Path.GetFileNameWithoutExtension(fileName ?? "");
        var safe = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                safe.Append(c);
            }
        }

        var stem = safe.Length == 0 ? "scan" : safe.ToString(0, Math.Min(safe.Length, 60));
        return stem + ".pdf";
    }
}
