using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Ledger;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Issuance;

/// <summary>
/// 证书生成 (the system step after 发放): takes records in 证书生成中 — the durable queue is the status itself, so after a
/// restart every such record is picked up again — and for each one loads the candidate's photo, the organisation's seal
/// and signature stamp and the site school's 电子签章. A missing or unreadable image moves the record to 盖章失败 with
/// the reason; otherwise it assigns the 证书编号 and 发证时间 (China date), renders and stores the PDF
/// (<c>certificates/{yyyy}/{certificateNo}-v{version}.pdf</c>), completes the record and puts it on the ledger.
/// Records are processed in chunks: one SaveChanges and one ledger block per chunk, and no PDF is held longer than needed.
/// A reissue (重新发放 of a completed certificate) gets a new number and a new file; the old number and file stay in history.
/// </summary>
public sealed class CertificateIssuing(
    ICertHubDbFactory dbFactory,
    IFileStore files,
    ICertificateDocumentRenderer renderer,
    IChangeFeed changes,
    TimeProvider clock,
    CertificateIssuingOptions options)
{
    private const int MaxLedgerAttempts = 3;

    /// <summary>Processes up to <paramref name="maxRecords"/> records waiting in 证书生成中; returns how many left that status.</summary>
    public async Task<int> ProcessPendingAsync(int maxRecords, CancellationToken ct)
    {
        var processed = 0;
        while (processed < maxRecords)
        {
            var take = Math.Min(Math.Max(options.ChunkSize, 1), maxRecords - processed);
            var ids = await PendingIdsAsync(take, ct);
            if (ids.Count == 0)
            {
                break;
            }

            processed += await ProcessChunkWithFallbackAsync(ids, ct);
        }

        return processed;
    }

    private async Task<List<int>> PendingIdsAsync(int take, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        return await db.Set<IssuanceRecord>().AsNoTracking()
            .Where(r => r.Status == IssuanceStatus.Generating)
            .OrderBy(r => r.Id)
            .Select(r => r.Id)
            .Take(take)
            .ToListAsync(ct);
    }

    /// <summary>
    /// One chunk in one unit of work; when its save fails (e.g. a row the database refuses), each record is retried on its
    /// own, and a record that still cannot be saved is moved to 盖章失败 — so no record stays in 证书生成中 for ever.
    /// </summary>
    private async Task<int> ProcessChunkWithFallbackAsync(List<int> ids, CancellationToken ct)
    {
        try
        {
            return await ProcessChunkAsync(ids, ct);
        }
        catch (Exception ex) when (ids.Count > 1 && SaveRefused(ex))
        {
            var count = 0;
            foreach (var id in ids)
            {
                count += await ProcessChunkWithFallbackAsync([id], ct);
            }

            return count;
        }
        catch (Exception ex) when (SaveRefused(ex))
        {
            return await FailAsync(ids[0], "证书生成失败：" + ex.GetBaseException().Message, ct);
        }
    }

    /// <summary>The database refused the save: a constraint, or a row changed meanwhile (<see cref="ConcurrencyConflict"/>).</summary>
    private static bool SaveRefused(Exception exception) => exception is DbUpdateException || ConcurrencyConflict.Is(exception);

    private async Task<int> ProcessChunkAsync(List<int> ids, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var records = await db.Set<IssuanceRecord>()
            .Where(r => ids.Contains(r.Id) && r.Status == IssuanceStatus.Generating)
            .OrderBy(r => r.Id)
            .ToListAsync(ct);
        if (records.Count == 0)
        {
            return 0;
        }

        var sources = await ChunkSources.LoadAsync(db, records, files, ct);
        var now = clock.GetUtcNow();
        var issuedOn = DateOnly.FromDateTime(now.ToChina().DateTime);
        var numbers = new NumberAllocator(db);
        var jobs = new List<RenderJob>();
        foreach (var record in records)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                var images = await sources.ImagesForAsync(record, ct);
                if (images.Failure is not null)
                {
                    record.FailGeneration(images.Failure, now);
                    continue;
                }

                var number = await numbers.NextAsync(sources.CertificateCode(record.CertificateId), record.Year, record.Level, ct);
                jobs.Add(new RenderJob(record, Document(record, sources, images, number, issuedOn)));
            }
            catch (DomainRuleException ex)
            {
                record.FailGeneration(Reason("证书生成失败：" + ex.Message), now);
            }
        }

        // Rendering is CPU-bound: the chunk's PDFs are rendered and stored in parallel, each dropped once stored.
        await Parallel.ForEachAsync(jobs, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism), CancellationToken = ct },
            async (job, token) => await RenderAndStoreAsync(job, token));
        var ledgerItems = new List<LedgerItem>();
        foreach (var job in jobs)
        {
            if (job.PdfPath is { } path)
            {
                job.Record.CompleteGeneration(job.Document.CertificateNo, issuedOn, path, now);
                ledgerItems.Add(IssuedCertificateLedger.Item(job.Record));
            }
            else
            {
                job.Record.FailGeneration(Reason("证书生成失败：" + job.Error), now);
            }
        }

        await SaveWithLedgerAsync(db, ledgerItems, now, ct);
        Publish(records);
        return records.Count;
    }

    private CertificateDocument Document(IssuanceRecord record, ChunkSources sources, RecordImages images, string number, DateOnly issuedOn) =>
        new(record.CandidateName, record.IdNumber, record.CertificateName, record.Level, record.OrganizationName,
            sources.SchoolName(record.SiteSchoolId), issuedOn, number, record.Version + 1, record.IssueMethod ?? IssueMethod.Electronic,
            options.VerifyUrl(number), images.Photo!, images.OrganizationSeal!, images.SignatureStamp!, images.SchoolSeal!);

    private async Task RenderAndStoreAsync(RenderJob job, CancellationToken ct)
    {
        try
        {
            var document = job.Document;
            var pdf = renderer.Render(document);
            using var stream = new MemoryStream(pdf, writable: false);
            job.PdfPath = await files.SaveAsync($"certificates/{document.IssuedOn.Year:D4}", $"{document.CertificateNo}-v{document.Version}.pdf", stream, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            job.Error = ex.Message;
        }
    }

    /// <summary>One certificate to render: the record, its document, and the stored path or the error.</summary>
    private sealed class RenderJob(IssuanceRecord record, CertificateDocument document)
    {
        public IssuanceRecord Record { get; } = record;

        public CertificateDocument Document { get; } = document;

        public string? PdfPath { get; set; }

        public string? Error { get; set; }
    }

    /// <summary>Saves the chunk and its ledger block together; when another writer took the block height first, seals again on top.</summary>
    private static async Task SaveWithLedgerAsync(ICertHubDb db, List<LedgerItem> items, DateTimeOffset now, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            LedgerBlock? block = null;
            IReadOnlyList<LedgerEntry> entries = [];
            if (items.Count > 0)
            {
                var previous = await db.Set<LedgerBlock>().AsNoTracking().OrderByDescending(b => b.Height).FirstOrDefaultAsync(ct);
                (block, entries) = LedgerBlock.Seal(previous, items, now);
                db.Set<LedgerBlock>().Add(block);
                db.Set<LedgerEntry>().AddRange(entries);
            }

            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException) when (block is not null && attempt < MaxLedgerAttempts)
            {
                if (!await HeightTakenAsync(db, block.Height, ct))
                {
                    throw;
                }

                db.Set<LedgerBlock>().Remove(block);
                db.Set<LedgerEntry>().RemoveRange(entries);
            }
        }
    }

    private static Task<bool> HeightTakenAsync(ICertHubDb db, long height, CancellationToken ct) =>
        db.Set<LedgerBlock>().AsNoTracking().AnyAsync(b => b.Height == height, ct);

    private async Task<int> FailAsync(int id, string reason, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var record = await db.Set<IssuanceRecord>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (record is null || !record.CanFailGeneration)
        {
            return 0;
        }

        record.FailGeneration(Reason(reason), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        Publish([record]);
        return 1;
    }

    private void Publish(IReadOnlyList<IssuanceRecord> records)
    {
        foreach (var (organizationId, schoolId) in records.Select(r => (r.OrganizationId, r.SiteSchoolId)).Distinct())
        {
            changes.Publish(new ChangeNotice(IssuanceTopics.Records, schoolId, organizationId));
        }
    }

    private static string Reason(string text) =>
        text.Length <= IssuanceRecord.ReasonMaxLength ? text : text[..IssuanceRecord.ReasonMaxLength];

    /// <summary>证书编号 allocation within one chunk: the next sequence after the highest number ever given (current or in history).</summary>
    private sealed class NumberAllocator(ICertHubDb db)
    {
        private readonly Dictionary<string, string> _last = [];

        public async Task<string> NextAsync(string code, int year, CertificateLevel level, CancellationToken ct)
        {
            var prefix = CertificateNumberGenerator.Prefix(code, year, level);
            if (!_last.TryGetValue(prefix, out var last))
            {
                var current = await db.Set<IssuanceRecord>().AsNoTracking()
                    .Where(r => r.CertificateNo != null && r.CertificateNo.StartsWith(prefix))
                    .MaxAsync(r => r.CertificateNo, ct);
                var past = await db.Set<IssuanceHistory>().AsNoTracking()
                    .Where(h => h.CertificateNo != null && h.CertificateNo.StartsWith(prefix))
                    .MaxAsync(h => h.CertificateNo, ct);
                last = string.CompareOrdinal(current, past) >= 0 ? current ?? "" : past ?? "";
            }

            var next = CertificateNumberGenerator.Next(code, year, level, last.Length == 0 ? [] : [last]);
            _last[prefix] = next;
            return next;
        }
    }

    /// <summary>The images of one record, or why it cannot be sealed.</summary>
    private sealed record RecordImages(string? Failure, byte[]? Photo, byte[]? OrganizationSeal, byte[]? SignatureStamp, byte[]? SchoolSeal);

    /// <summary>What the records of one chunk refer to: certificate codes, organisations, schools, candidates' photos; images are read once per chunk.</summary>
    private sealed class ChunkSources
    {
        private readonly Dictionary<int, string> _codes;
        private readonly Dictionary<int, (string? Seal, string? Stamp)> _organizations;
        private readonly Dictionary<int, (string Name, string? Seal)> _schools;
        private readonly Dictionary<int, string?> _photos;
        private readonly Dictionary<string, byte[]?> _images = new(StringComparer.Ordinal);
        private readonly IFileStore _files;

        private ChunkSources(IFileStore files, Dictionary<int, string> codes, Dictionary<int, (string?, string?)> organizations,
            Dictionary<int, (string, string?)> schools, Dictionary<int, string?> photos)
        {
            _files = files;
            _codes = codes;
            _organizations = organizations;
            _schools = schools;
            _photos = photos;
        }

        public static async Task<ChunkSources> LoadAsync(ICertHubDb db, IReadOnlyList<IssuanceRecord> records, IFileStore files, CancellationToken ct)
        {
            var certificateIds = records.Select(r => r.CertificateId).Distinct().ToList();
            var organizationIds = records.Select(r => r.OrganizationId).Distinct().ToList();
            var schoolIds = records.Select(r => r.SiteSchoolId).Distinct().ToList();
            var candidateIds = records.Select(r => r.CandidateId).Distinct().ToList();
            var codes = await db.Set<Certificate>().AsNoTracking().Where(c => certificateIds.Contains(c.Id))
                .ToDictionaryAsync(c => c.Id, c => c.Code, ct);
            var organizations = await db.Set<Organization>().AsNoTracking().Where(o => organizationIds.Contains(o.Id))
                .Select(o => new { o.Id, o.SealImagePath, o.SignatureStampPath })
                .ToDictionaryAsync(o => o.Id, o => (o.SealImagePath, o.SignatureStampPath), ct);
            var schools = await db.Set<PilotSchool>().AsNoTracking().Where(s => schoolIds.Contains(s.Id))
                .Select(s => new { s.Id, s.Name, s.SealImagePath })
                .ToDictionaryAsync(s => s.Id, s => (s.Name, s.SealImagePath), ct);
            var photos = await db.Set<Candidate>().AsNoTracking().Where(c => candidateIds.Contains(c.Id))
                .Select(c => new { c.Id, c.PhotoPath })
                .ToDictionaryAsync(c => c.Id, c => c.PhotoPath, ct);
            return new ChunkSources(files, codes, organizations, schools, photos);
        }

        public string CertificateCode(int certificateId) =>
            _codes.TryGetValue(certificateId, out var code) ? code : throw new DomainRuleException("证书不存在");

        public string SchoolName(int schoolId) => _schools.TryGetValue(schoolId, out var school) ? school.Name : "";

        public async Task<RecordImages> ImagesForAsync(IssuanceRecord record, CancellationToken ct)
        {
            var problems = new List<string>();
            var (orgSeal, orgStamp) = _organizations.GetValueOrDefault(record.OrganizationId);
            var schoolSeal = _schools.TryGetValue(record.SiteSchoolId, out var school) ? school.Seal : null;
            var photo = await ReadAsync(_photos.GetValueOrDefault(record.CandidateId), "考生照片缺失", "考生照片无法读取", problems, cache: false, ct);
            var seal = await ReadAsync(orgSeal, "培训评价组织未上传机构公章", "培训评价组织机构公章无法读取", problems, cache: true, ct);
            var stamp = await ReadAsync(orgStamp, "培训评价组织未上传签名章", "培训评价组织签名章无法读取", problems, cache: true, ct);
            var site = await ReadAsync(schoolSeal, "考核站点院校未上传电子签章", "考核站点院校电子签章无法读取", problems, cache: true, ct);
            return new RecordImages(problems.Count == 0 ? null : string.Join('；', problems), photo, seal, stamp, site);
        }

        private async Task<byte[]?> ReadAsync(string? path, string missing, string unreadable, List<string> problems, bool cache, CancellationToken ct)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                problems.Add(missing);
                return null;
            }

            if (!cache || !_images.TryGetValue(path, out var bytes))
            {
                bytes = await ReadFileAsync(path, ct);
                if (cache)
                {
                    _images[path] = bytes;
                }
            }

            if (bytes is null || !CertificateImage.IsSupported(bytes))
            {
                problems.Add(unreadable);
                return null;
            }

            return bytes;
        }

        private async Task<byte[]?> ReadFileAsync(string path, CancellationToken ct)
        {
            try
            {
                await using var stream = await _files.OpenReadAsync(path, ct);
                if (stream is null)
                {
                    return null;
                }

                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer, ct);
                return buffer.ToArray();
            }
            catch (IOException)
            {
                return null;
            }
            catch (UnauthorizedAccessException)
            {
                return null;
            }
        }
    }
}

/// <summary>The image formats a certificate can carry: PNG and JPEG, recognised by their signatures.</summary>
public static class CertificateImage
{
    public static bool IsSupported(ReadOnlySpan<byte> bytes) => ImageSignature.Detect(bytes) is not null;
}
