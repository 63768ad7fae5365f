using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Issuance;
using CertHub.Core.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace CertHub.Tests.Support.Builders;

/// <summary>
/// A database with everything certificate generation needs: catalogue, exam chain (sat at the other school's site),
/// candidates with photos, the organisation's seal and signature stamp and the site school's 电子签章 (each optional),
/// a memory file store, a fake renderer, and the generation and verification use cases running as the system.
/// </summary>
public sealed class IssuingScenario : IDisposable
{
    public static readonly DateTimeOffset Now = new(2021, 10, 8, 18, 30, 0, TimeSpan.Zero);

    private readonly ExamChainSeed _chain;

    public IssuingScenario(bool organizationSeal = true, bool signatureStamp = true, bool schoolSeal = true, SqliteTestDb? db = null)
    {
        Db = db ?? new SqliteTestDb();
        Catalog = IssuanceCatalogSeed.SaveIn(Db);
        _chain = ExamChainSeed.SaveIn(Db, Catalog, siteSchoolId: Catalog.OtherSchoolId);
        Files.Files["photos/1.png"] = GreyPng.Create(30, 40, 0xD0);
        Files.Files["seals/org.png"] = GreyPng.Create(20, 20, 0xC0);
        Files.Files["seals/stamp.png"] = GreyPng.Create(30, 12, 0x80);
        Files.Files["seals/site.png"] = GreyPng.Create(20, 20, 0xA0);
        using var ctx = Db.OpenAsSystem();
        var organization = ctx.Set<Organization>().Single(o => o.Id == Catalog.OrganizationId);
        if (organizationSeal)
        {
            organization.SetSeal("seals/org.png");
        }

        if (signatureStamp)
        {
            organization.SetSignatureStamp("seals/stamp.png");
        }

        if (schoolSeal)
        {
            ctx.Set<PilotSchool>().Single(s => s.Id == Catalog.OtherSchoolId).SetSeal("seals/site.png", AnIssuanceRecord.T0);
        }

        ctx.SaveChanges();
        Issuing = NewIssuing();
        Verification = new CertificateVerification(SystemFactory, new LedgerService(SystemFactory, Clock));
    }

    public SqliteTestDb Db { get; }

    public IssuanceCatalogSeed Catalog { get; }

    public MemoryFileStore Files { get; } = new();

    public RecordingChangeFeed Changes { get; } = new();

    public FakeTimeProvider Clock { get; } = new(Now);

    public FakeRenderer Renderer { get; } = new();

    public ICertHubDbFactory SystemFactory => Db.FactoryFor(FixedCurrentUser.System);

    public CertificateIssuing Issuing { get; }

    public CertificateVerification Verification { get; }

    public LedgerService Ledger => new(SystemFactory, Clock);

    /// <summary>A fresh use case over the same database (as after a restart of the worker).</summary>
    public CertificateIssuing NewIssuing(int chunkSize = 50, string? workerId = null) =>
        new(SystemFactory, Files, Renderer, Changes, Clock, new CertificateIssuingOptions("https://certhub.example", chunkSize)
        {
            WorkerId = workerId ?? "test-worker",
        });

    /// <summary>Saves a candidate with a photo and a record of it in <paramref name="status"/>; returns the record id.</summary>
    public int SaveRecord(IssuanceStatus status = IssuanceStatus.Generating, string idNumber = ADomain.ValidIdNumber, bool photo = true,
        IssueMethod method = IssueMethod.Electronic)
    {
        var candidateId = ExamChainSeed.SaveCandidate(Db, Catalog.SchoolId, idNumber);
        var resultId = _chain.SavePassedResult(Db, candidateId, CertificateLevel.Intermediate);
        using var db = Db.OpenAsSystem();
        if (photo)
        {
            db.Set<Candidate>().Single(c => c.Id == candidateId).AttachPhoto("photos/1.png", "院校", AnIssuanceRecord.T0);
        }

        var record = AnIssuanceRecord.New()
            .ForCandidate(candidateId)
            .WithSchools(Catalog.SchoolId, Catalog.OtherSchoolId)
            .WithCertificate(Catalog.OrganizationId, Catalog.CertificateId)
            .InPlan(_chain.ExamPlanId)
            .AtSite(_chain.ExamSiteId)
            .FromResult(resultId)
            .IssuedAs(method)
            .In(status)
            .Build();
        db.Add(record);
        db.SaveChanges();
        return record.Id;
    }

    public IssuanceRecord Load(int id)
    {
        using var db = Db.OpenAsSystem();
        return db.Set<IssuanceRecord>().Include(r => r.History).AsNoTracking().Single(r => r.Id == id);
    }

    /// <summary>重新发放 of a record as the organisation would.</summary>
    public void Reissue(int id)
    {
        using var db = Db.OpenAsSystem();
        db.Set<IssuanceRecord>().Single(r => r.Id == id).Reissue("中物联(wl)", Clock.GetUtcNow());
        db.SaveChanges();
    }

    public void Dispose() => Db.Dispose();

    /// <summary>A renderer returning a small fake PDF naming the certificate; counts calls; may be told to throw.</summary>
    public sealed class FakeRenderer : ICertificateDocumentRenderer
    {
        public List<CertificateDocument> Rendered { get; } = [];

        public string? FailFor { get; set; }

        /// <summary>Called before each render (e.g. to let time pass or another worker act meanwhile).</summary>
        public Action? OnRender { get; set; }

        public byte[] Render(CertificateDocument document)
        {
            OnRender?.Invoke();
            if (document.HolderName == FailFor)
            {
                throw new InvalidOperationException("渲染失败");
            }

            lock (Rendered)
            {
                Rendered.Add(document);
            }

            return System.Text.Encoding.UTF8.GetBytes($"%PDF-fake {document.CertificateNo}");
        }
    }
}
