using System.ComponentModel.DataAnnotations;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Ledger;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Issuance;

/// <summary>证书查验结果.</summary>
public enum VerificationStatus
{
    /// <summary>The number is the record's current certificate.</summary>
    [Display(Name = "有效")] Valid,

    /// <summary>The certificate was reissued (重新发放) under a new number; this number is an older version.</summary>
    [Display(Name = "已更新")] Superseded,

    [Display(Name = "未查询到")] Unknown,
}

/// <summary>
/// What /verify shows: the status, the holder's masked name, the certificate, level, organisation, issue date, version
/// and the ledger proof. Never the ID number.
/// </summary>
public sealed record VerificationResult(
    VerificationStatus Status,
    string CertificateNo,
    string? MaskedHolderName = null,
    string? CertificateName = null,
    CertificateLevel? Level = null,
    string? OrganizationName = null,
    DateOnly? IssuedOn = null,
    int? Version = null,
    LedgerProof? Proof = null)
{
    public static VerificationResult Unknown(string certificateNo) => new(VerificationStatus.Unknown, certificateNo);
}

/// <summary>
/// 证书查验 (anonymous, reads as the system): looks a 证书编号 up. A reissue assigns a new number, so a number is either
/// the record's current one (有效), a number of an earlier version kept in the record's history (已更新), or unknown.
/// When a holder name is given it must match exactly, otherwise the answer is 未查询到 (nothing is revealed).
/// </summary>
public sealed class CertificateVerification(ICertHubDbFactory dbFactory, LedgerService ledger)
{
    public async Task<VerificationResult> VerifyAsync(string certificateNo, string? holderName, CancellationToken ct)
    {
        var number = (certificateNo ?? "").Trim().ToUpperInvariant();
        if (number.Length is 0 or > IssuanceRecord.CertificateNoMaxLength)
        {
            return VerificationResult.Unknown(number);
        }

        await using var db = await dbFactory.CreateAsync(ct);
        var current = await db.Set<IssuanceRecord>().AsNoTracking()
            .Where(r => r.CertificateNo == number && r.Version > 0)
            .Select(r => new { r.CandidateName, r.CertificateName, r.Level, r.OrganizationName, r.IssuedOn, r.Version })
            .FirstOrDefaultAsync(ct);
        if (current is not null)
        {
            return NameMatches(current.CandidateName, holderName)
                ? new VerificationResult(VerificationStatus.Valid, number, NameMask.Mask(current.CandidateName), current.CertificateName,
                    current.Level, current.OrganizationName, current.IssuedOn, current.Version, await ledger.GetEntryAsync(number, ct))
                : VerificationResult.Unknown(number);
        }

        var past = await (
                from h in db.Set<IssuanceHistory>().AsNoTracking()
                join r in db.Set<IssuanceRecord>().AsNoTracking() on h.IssuanceRecordId equals r.Id
                where h.CertificateNo == number && h.Action == IssuanceAction.GenerationSucceeded
                select new { r.CandidateName, r.CertificateName, r.Level, r.OrganizationName, h.AtUtc, h.Version })
            .FirstOrDefaultAsync(ct);
        if (past is null || !NameMatches(past.CandidateName, holderName))
        {
            return VerificationResult.Unknown(number);
        }

        return new VerificationResult(VerificationStatus.Superseded, number, NameMask.Mask(past.CandidateName), past.CertificateName,
            past.Level, past.OrganizationName, DateOnly.FromDateTime(past.AtUtc.ToChina().DateTime), past.Version,
            await ledger.GetEntryAsync(number, ct));
    }

    private static bool NameMatches(string name, string? given) =>
        string.IsNullOrWhiteSpace(given) || string.Equals(name.Trim(), given.Trim(), StringComparison.Ordinal);
}

/// <summary>Masks a person's name for public pages: 王*三, 王*, 欧**娜.</summary>
public static class NameMask
{
    public static string Mask(string? name)
    {
        var text = (name ?? "").Trim();
        return text.Length switch
        {
            0 => "",
            1 => "*",
            2 => $"{text[0]}*",
            _ => $"{text[0]}{new string('*', text.Length - 2)}{text[^1]}",
        };
    }
}
