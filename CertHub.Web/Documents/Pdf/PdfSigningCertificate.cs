using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CertHub.Web.Documents.Pdf;

/// <summary>
/// The platform certificate that digitally signs certificate PDFs: the PFX at <c>Issuance:SigningCertificatePath</c>
/// (password <c>Issuance:SigningCertificatePassword</c>). In Development, when none is configured, a self-signed RSA
/// certificate (CN=CertHub 证书签发平台) is generated once and kept under the storage root (<c>keys/</c>, never committed).
/// Elsewhere without configuration PDFs are not signed (a warning is logged).
/// </summary>
public sealed class PdfSigningCertificate
{
    public const string SubjectName = "CN=CertHub 证书签发平台, O=CertHub";
    private readonly Lazy<X509Certificate2?> _certificate;

    public PdfSigningCertificate(IConfiguration configuration, IHostEnvironment environment, ILogger<PdfSigningCertificate> logger)
    {
        _certificate = new Lazy<X509Certificate2?>(() => Load(configuration, environment, logger), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private PdfSigningCertificate(X509Certificate2? certificate) => _certificate = new Lazy<X509Certificate2?>(certificate);

    public X509Certificate2? Certificate => _certificate.Value;

    /// <summary>A fixed certificate (tests, the bench), or none for unsigned PDFs.</summary>
    public static PdfSigningCertificate Fixed(X509Certificate2? certificate) => new(certificate);

    /// <summary>A new self-signed RSA-2048 signing certificate valid for ten years.</summary>
    public static X509Certificate2 CreateSelfSigned()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(SubjectName, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));
        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
        // Round-trip through PKCS#12 so that the private key is usable by SignedCms on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }

    private static X509Certificate2? Load(IConfiguration configuration, IHostEnvironment environment, ILogger logger)
    {
        var path = configuration["Issuance:SigningCertificatePath"];
        var password = configuration["Issuance:SigningCertificatePassword"];
        if (!string.IsNullOrWhiteSpace(path))
        {
            var full = Path.IsPathRooted(path) ? path : Path.Combine(environment.ContentRootPath, path);
            return X509CertificateLoader.LoadPkcs12FromFile(full, password, X509KeyStorageFlags.EphemeralKeySet);
        }

        if (!environment.IsDevelopment())
        {
            logger.LogWarning("Issuance:SigningCertificatePath is not set: certificate PDFs are not digitally signed.");
            return null;
        }

        var root = configuration["Storage:Root"];
        root = string.IsNullOrWhiteSpace(root) ? Path.Combine("data", "files") : root;
        var keyFile = Path.Combine(Path.IsPathRooted(root) ? root : Path.Combine(environment.ContentRootPath, root), "keys", "platform-signing.pfx");
        if (File.Exists(keyFile))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(keyFile, null, X509KeyStorageFlags.EphemeralKeySet);
        }

        var certificate = CreateSelfSigned();
        Directory.CreateDirectory(Path.GetDirectoryName(keyFile)!);
        File.WriteAllBytes(keyFile, certificate.Export(X509ContentType.Pkcs12));
        logger.LogInformation("Generated a self-signed PDF signing certificate at {Path} (Development only).", keyFile);
        return certificate;
    }
}
