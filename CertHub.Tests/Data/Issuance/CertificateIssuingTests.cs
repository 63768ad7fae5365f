using CertHub.Core.Issuance;
using CertHub.Core.Ledger;
using CertHub.Tests.Support.Builders;

namespace CertHub.Tests.Data.Issuance;

public sealed class CertificateIssuingTests : IDisposable
{
    private readonly IssuingScenario _scenario = new();

    public void Dispose() => _scenario.Dispose();

    [Fact]
    public async Task ProcessPending_Should_CompleteWithNumberDatePdfVersionAndLedger_When_SealsArePresent()
    {
        var id = _scenario.SaveRecord();

        var processed = await _scenario.Issuing.ProcessPendingAsync(100, CancellationToken.None);

        var record = _scenario.Load(id);
        Assert.Equal(1, processed);
        Assert.Equal(IssuanceStatus.Issued, record.Status);
        Assert.Equal("1XXXH2021200000001", record.CertificateNo);
        Assert.Equal(new DateOnly(2021, 10, 9), record.IssuedOn); // 18:30 UTC is the next day in China
        Assert.Equal(1, record.Version);
        Assert.Equal("certificates/2021/1XXXH2021200000001-v1.pdf", record.PdfPath);
        Assert.True(_scenario.Files.Files.ContainsKey(record.PdfPath!));
        var document = Assert.Single(_scenario.Renderer.Rendered);
        Assert.Equal("https://certhub.example/verify/1XXXH2021200000001", document.VerifyUrl);
        Assert.Equal(record.IdNumber, document.IdNumber);
        Assert.Equal("北方工业大学", document.SchoolName);
        Assert.NotEmpty(document.SchoolSeal);
        var proof = await _scenario.Ledger.GetEntryAsync("1XXXH2021200000001", CancellationToken.None);
        Assert.NotNull(proof);
        Assert.True((await _scenario.Ledger.VerifyAllAsync(CancellationToken.None)).IsValid);
        Assert.Contains(_scenario.Changes.Published, n => n.Topic == IssuanceTopics.Records && n.OrganizationId == _scenario.Catalog.OrganizationId);
    }

    [Fact]
    public async Task ProcessPending_Should_NumberConsecutivelyInOneLedgerBlock_When_ChunkHasSeveralRecords()
    {
        var ids = new[] { _scenario.SaveRecord(), _scenario.SaveRecord(idNumber: ADomain.OtherValidIdNumber), _scenario.SaveRecord(idNumber: ADomain.ValidIdNumberWithX) };

        await _scenario.NewIssuing(chunkSize: 2).ProcessPendingAsync(100, CancellationToken.None);

        Assert.Equal(["1XXXH2021200000001", "1XXXH2021200000002", "1XXXH2021200000003"], ids.Select(i => _scenario.Load(i).CertificateNo));
        var verification = await _scenario.Ledger.VerifyAllAsync(CancellationToken.None);
        Assert.True(verification.IsValid);
        Assert.Equal(2, verification.BlockCount); // chunks of 2 + 1
        Assert.Equal(3, verification.EntryCount);
    }

    [Theory]
    [InlineData(false, true, true, "培训评价组织未上传机构公章")]
    [InlineData(true, false, true, "培训评价组织未上传签名章")]
    [InlineData(true, true, false, "考核站点院校未上传电子签章")]
    public async Task ProcessPending_Should_FailWithReason_When_SealOrStampIsMissing(bool orgSeal, bool stamp, bool schoolSeal, string reason)
    {
        using var scenario = new IssuingScenario(orgSeal, stamp, schoolSeal);
        var id = scenario.SaveRecord();

        await scenario.Issuing.ProcessPendingAsync(100, CancellationToken.None);

        var record = scenario.Load(id);
        Assert.Equal(IssuanceStatus.SealFailed, record.Status);
        Assert.Equal(reason, record.FailureReason);
        Assert.Null(record.CertificateNo);
        Assert.Empty(scenario.Renderer.Rendered);
        Assert.Equal(0, (await scenario.Ledger.VerifyAllAsync(CancellationToken.None)).EntryCount);
    }

    [Fact]
    public async Task ProcessPending_Should_FailAsUnreadable_When_SealFileIsNotAnImage()
    {
        _scenario.Files.Files["seals/org.png"] = "not an image"u8.ToArray();
        var id = _scenario.SaveRecord();

        await _scenario.Issuing.ProcessPendingAsync(100, CancellationToken.None);

        Assert.Equal("培训评价组织机构公章无法读取", _scenario.Load(id).FailureReason);
    }

    [Fact]
    public async Task ProcessPending_Should_FailWithReason_When_PhotoIsMissing()
    {
        var id = _scenario.SaveRecord(photo: false);

        await _scenario.Issuing.ProcessPendingAsync(100, CancellationToken.None);

        Assert.Equal(IssuanceStatus.SealFailed, _scenario.Load(id).Status);
        Assert.Equal("考生照片缺失", _scenario.Load(id).FailureReason);
    }

    [Fact]
    public async Task ProcessPending_Should_FailRecordAndNotLoop_When_RendererThrows()
    {
        _scenario.Renderer.FailFor = "王大三";
        var id = _scenario.SaveRecord();

        Assert.Equal(1, await _scenario.Issuing.ProcessPendingAsync(100, CancellationToken.None));
        Assert.Equal(0, await _scenario.Issuing.ProcessPendingAsync(100, CancellationToken.None));

        var record = _scenario.Load(id);
        Assert.Equal(IssuanceStatus.SealFailed, record.Status);
        Assert.Equal("证书生成失败：渲染失败", record.FailureReason);
    }

    [Fact]
    public async Task ProcessPending_Should_ResumeRecordsLeftGenerating_When_WorkerRestarts()
    {
        var first = _scenario.SaveRecord();
        var second = _scenario.SaveRecord(idNumber: ADomain.OtherValidIdNumber);
        await _scenario.Issuing.ProcessPendingAsync(1, CancellationToken.None); // the "old" worker stops after one record
        Assert.Equal(IssuanceStatus.Generating, _scenario.Load(second).Status);

        var restarted = _scenario.NewIssuing();
        var processed = await restarted.ProcessPendingAsync(100, CancellationToken.None);

        Assert.Equal(1, processed);
        Assert.Equal(IssuanceStatus.Issued, _scenario.Load(first).Status);
        Assert.Equal(IssuanceStatus.Issued, _scenario.Load(second).Status);
    }

    [Fact]
    public async Task ProcessPending_Should_CreateVersionTwoWithNewNumberAndKeepVersionOne_When_Reissued()
    {
        var id = _scenario.SaveRecord();
        await _scenario.Issuing.ProcessPendingAsync(100, CancellationToken.None);
        _scenario.Clock.Advance(TimeSpan.FromDays(3));
        _scenario.Reissue(id);

        await _scenario.Issuing.ProcessPendingAsync(100, CancellationToken.None);

        var record = _scenario.Load(id);
        Assert.Equal(IssuanceStatus.Issued, record.Status);
        Assert.Equal(2, record.Version);
        Assert.Equal("1XXXH2021200000002", record.CertificateNo);
        Assert.Equal("certificates/2021/1XXXH2021200000002-v2.pdf", record.PdfPath);
        var versions = record.History.Where(h => h.Action == IssuanceAction.GenerationSucceeded).OrderBy(h => h.Version).ToList();
        Assert.Equal([1, 2], versions.Select(h => h.Version!.Value));
        Assert.Equal("certificates/2021/1XXXH2021200000001-v1.pdf", versions[0].PdfPath);
        Assert.True(_scenario.Files.Files.ContainsKey(versions[0].PdfPath!));
        Assert.True(_scenario.Files.Files.ContainsKey(record.PdfPath!));
        var ledger = await _scenario.Ledger.VerifyAllAsync(CancellationToken.None);
        Assert.True(ledger.IsValid);
        Assert.Equal(2, ledger.EntryCount);
    }

    [Fact]
    public async Task ProcessPending_Should_RenderPrintReadyPdf_When_PaperCertificate()
    {
        var id = _scenario.SaveRecord(method: IssueMethod.Paper);

        await _scenario.Issuing.ProcessPendingAsync(100, CancellationToken.None);

        var record = _scenario.Load(id);
        Assert.Equal(IssuanceStatus.Issued, record.Status);
        Assert.NotNull(record.PdfPath);
        Assert.Equal(IssueMethod.Paper, Assert.Single(_scenario.Renderer.Rendered).Method);
    }

    [Fact]
    public async Task ProcessPending_Should_DoNothing_When_NoRecordIsGenerating()
    {
        _scenario.SaveRecord(IssuanceStatus.PendingIssue);

        Assert.Equal(0, await _scenario.Issuing.ProcessPendingAsync(100, CancellationToken.None));
        Assert.Empty(_scenario.Changes.Published);
    }

    [Fact]
    public async Task Ledger_Should_ReportTamperedEntry_When_IssuedCertificateRowIsEdited()
    {
        _scenario.SaveRecord();
        await _scenario.Issuing.ProcessPendingAsync(100, CancellationToken.None);
        using (var db = _scenario.Db.OpenAsSystem())
        {
            var entry = db.Set<LedgerEntry>().Single(e => e.SubjectKey == "1XXXH2021200000001");
            LedgerTestItems.Tamper(entry, nameof(LedgerEntry.PayloadHash), LedgerHasher.Sha256Hex("1XXXH2021200000001|李四"));
            db.SaveChanges();
        }

        var result = await _scenario.Ledger.VerifyAllAsync(CancellationToken.None);

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.BlockHeight == 1 && p.IndexInBlock == 0 && p.Reason == "交易哈希与交易内容不一致");
    }
}
