using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace CertHub.Web.Documents.Pdf;

/// <summary>
/// Fonts of generated PDFs: Noto Sans SC (OFL-1.1, see Fonts/LICENSE_FONT) Regular and Bold, embedded in this assembly
/// so that a fresh machine needs no installed font. Every family name resolves to it.
/// </summary>
public sealed class NotoSansFontResolver : IFontResolver
{
    public const string FamilyName = "Noto Sans SC";
    private const string RegularFace = "NotoSansSC#Regular";
    private const string BoldFace = "NotoSansSC#Bold";
    private static readonly Lock RegistrationLock = new();
    private readonly ConcurrentDictionary<string, byte[]> _fonts = new(StringComparer.Ordinal);

    /// <summary>Sets the resolver for the process once (PDFsharp allows one global resolver).</summary>
    public static void EnsureRegistered()
    {
        lock (RegistrationLock)
        {
            if (GlobalFontSettings.FontResolver is not NotoSansFontResolver)
            {
                GlobalFontSettings.FontResolver = new NotoSansFontResolver();
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? BoldFace : RegularFace);

    public byte[]? GetFont(string faceName) =>
        _fonts.GetOrAdd(faceName, face => Load(face == BoldFace ? "NotoSansSC_700Bold.ttf" : "NotoSansSC_400Regular.ttf"));

    private static byte[] Load(string fileName)
    {
        var name = $"CertHub.Fonts.{fileName}";
        using var stream = typeof(NotoSansFontResolver).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded font {name} is missing.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
