using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Issuance;
using CertHub.Core.Scores;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;

namespace CertHub.Tests.Data.Issuance;

public sealed class IssuanceGenerationTests : IDisposable
{
    private readonly IssuanceHarness _h = new();

    private AnIssuanceChain Chain => _h.Chain;

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task PreviewGenerationAsync_Should_CountEligibleAndGiveReasons_When_CandidateInformationDiffers()
    {
        Chain.Pass(Chain.AddCandidates(2));
        Chain.Pass(Chain.AddCandidate(CandidateInfoStatus.NoPhoto));
        Chain.Pass(Chain.AddCandidate(CandidateInfoStatus.PendingVerification));
        Chain.Pass(Chain.AddCandidate(CandidateInfoStatus.NeedsManualCheck));
        Chain.Pass(Chain.AddCandidate(), CertificateLevel.Senior);
        SaveFailedResult(Chain.AddCandidate());

        var preview = await _h.Service(Chain.Organization).PreviewGenerationAsync(Chain.Criteria(), default);

        Assert.Equal("待发证人数 共5人，可发证2人，3人由于信息不完善不允许发证", preview.Summary);
        Assert.Equal(["信息待认证", "无照片", "需人工确认"], preview.Ineligible.Select(c => c.Reason).Order(StringComparer.Ordinal));
        var eligible = preview.Eligible[0];
        Assert.Equal(("王小二", "院校考生", "北京科技大学", "信息化应用职业技能等级证书", CertificateLevel.Intermediate, "已通过"),
            (eligible.CandidateName, eligible.CandidateType, eligible.SchoolName, eligible.CertificateName, eligible.Level, eligible.ResultText));
        Assert.Equal(18, eligible.IdNumber.Length);
    }

    [Fact]
    public async Task GenerateAsync_Should_CreateRecordsOfEligibleCandidatesOnly_When_Confirmed()
    {
        Chain.Pass(Chain.AddCandidates(3));
        Chain.Pass(Chain.AddCandidate(CandidateInfoStatus.NoPhoto));

        var created = await _h.Service(Chain.Organization).GenerateAsync(Chain.Criteria(), default);

        Assert.Equal(3, created);
        var record = Chain.Record(Chain.RecordIds()[0]);
        Assert.Equal(IssuanceStatus.OrgPendingSign, record.Status);
        Assert.Equal((Chain.SchoolId, Chain.SchoolId, Chain.OwnSiteId, 2021), (record.CandidateSchoolId, record.SiteSchoolId, record.ExamSiteId, record.Year));
        Assert.Equal(("中物联物流", "2021年9月信息化应用考试", "院校考生"), (record.OrganizationName, record.PlanName, record.CandidateType));
        Assert.Equal("中物联(wl)", Assert.Single(record.History).ActorName);
        Assert.Equal(IssuanceHarness.Now, record.CreatedUtc);
        Assert.Contains(_h.Changes.Published, n => n.Topic == IssuanceTopics.Records);
    }

    [Fact]
    public async Task GenerateAsync_Should_AddNothingAndKeepSignedRecords_When_RunTwice()
    {
        var ids = await _h.GenerateAsync(2);
        await _h.OrgSignsAsync([ids[0]]);
        var service = _h.Service(Chain.Organization);

        var again = await service.GenerateAsync(Chain.Criteria(), default);
        var preview = await service.PreviewGenerationAsync(Chain.Criteria(), default);

        Assert.Equal(0, again);
        Assert.Equal(0, preview.Total);
        Assert.Equal(ids, Chain.RecordIds());
        Assert.Equal(IssuanceStatus.SitePendingSign, _h.StatusOf(ids[0]));
        Assert.Equal(IssuanceStatus.OrgPendingSign, _h.StatusOf(ids[1]));

        Chain.Pass(Chain.AddCandidate());
        Assert.Equal(1, await service.GenerateAsync(Chain.Criteria(), default));
    }

    [Fact]
    public async Task GenerateAsync_Should_MakeTheHostSchoolTheSigner_When_CandidateSatAtABorrowedSite()
    {
        var id = Assert.Single(await _h.GenerateAsync(1, siteId: Chain.BorrowedSiteId));

        var record = Chain.Record(id);

        Assert.Equal(Chain.SchoolId, record.CandidateSchoolId);
        Assert.Equal(Chain.HostSchoolId, record.SiteSchoolId);
        Assert.Equal(Chain.BorrowedSiteId, record.ExamSiteId);
        Assert.Equal("北京科技大学", record.CandidateSchoolName);
        Assert.StartsWith("北方工业大学", record.SiteName);
    }

    [Fact]
    public async Task GenerateAsync_Should_OnlyTakeTheSchool_When_SchoolIsChosen()
    {
        Chain.Pass(Chain.AddCandidates(2));
        var service = _h.Service(Chain.Organization);

        Assert.Equal(0, (await service.PreviewGenerationAsync(Chain.Criteria(schoolId: Chain.ThirdSchoolId), default)).Total);
        Assert.Equal(0, await service.GenerateAsync(Chain.Criteria(schoolId: Chain.ThirdSchoolId), default));
        Assert.Equal(2, await service.GenerateAsync(Chain.Criteria(schoolId: Chain.SchoolId), default));
    }

    [Fact]
    public async Task GenerateAsync_Should_Refuse_When_UserIsNotTheCertificatesOrganization()
    {
        Chain.Pass(Chain.AddCandidates(1));

        var school = await Assert.ThrowsAsync<DomainRuleException>(() => _h.Service(Chain.School).GenerateAsync(Chain.Criteria(), default));
        var other = await Assert.ThrowsAsync<DomainRuleException>(() => _h.Service(Chain.OtherOrganization).PreviewGenerationAsync(Chain.Criteria(), default));

        Assert.Equal("只有培训评价组织可以获取待发证记录", school.Message);
        Assert.Equal("无权获取该证书的待发证记录", other.Message);
        Assert.Empty(Chain.RecordIds());
    }

    [Fact]
    public async Task GenerateAsync_Should_Refuse_When_PlanIsOfAnotherYear()
    {
        var ex = await Assert.ThrowsAsync<DomainRuleException>(() =>
            _h.Service(Chain.Organization).GenerateAsync(Chain.Criteria() with { Year = 2022 }, default));

        Assert.Equal("考试计划不属于所选考试年度", ex.Message);
    }

    private void SaveFailedResult(int candidateId)
    {
        using var db = Chain.Db.OpenAsSystem();
        var result = CertificateResult.Create(candidateId, Chain.Chain.ExamPlanId, Chain.Catalog.CertificateId, CertificateLevel.Intermediate,
            Chain.SchoolId, Chain.OwnSiteId, ADomain.Day(20));
        result.Apply(CertificateResultStatus.Failed, ADomain.Day(25));
        db.Add(result);
        db.SaveChanges();
    }
}
