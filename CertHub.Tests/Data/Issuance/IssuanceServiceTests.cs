using CertHub.Core.Common;
using CertHub.Core.Issuance;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;

namespace CertHub.Tests.Data.Issuance;

public sealed class IssuanceServiceTests : IDisposable
{
    private readonly IssuanceHarness _h = new();

    private AnIssuanceChain Chain => _h.Chain;

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task SignAsync_Should_MoveToSitePendingAndStoreTheSignatureOnce_When_OrganizationSignsABatch()
    {
        var ids = await _h.GenerateAsync(3);

        var result = await _h.Service(Chain.Organization).SignAsync(ids, IssuanceHarness.Signature("张组织"), default);

        Assert.Equal((3, 0), (result.Succeeded, result.Failed));
        var path = Assert.Single(_h.Files.Files.Keys);
        Assert.StartsWith("signatures/202109/", path);
        Assert.EndsWith(".png", path);
        foreach (var id in ids)
        {
            var record = Chain.Record(id);
            Assert.Equal(IssuanceStatus.SitePendingSign, record.Status);
            Assert.Equal(2, record.History.Count);
            var signature = Assert.Single(record.Signatures);
            Assert.Equal((IssuanceParty.Organization, "张组织", path), (signature.Party, signature.SignerName, signature.ImagePath));
        }

        Assert.Contains(_h.Changes.Published, n => n.Topic == IssuanceTopics.Records && n.OrganizationId == Chain.Catalog.OrganizationId);
    }

    [Fact]
    public async Task SignAsync_Should_Fail_When_SchoolSignsTheOrganizationStep()
    {
        var id = Assert.Single(await _h.GenerateAsync(1));

        var result = await _h.Service(Chain.School).SignAsync([id], IssuanceHarness.Signature(), default);

        Assert.Equal(0, result.Succeeded);
        Assert.Contains("考核站点不能执行“签发”操作", Assert.Single(result.Failures).Reason);
        Assert.Equal(IssuanceStatus.OrgPendingSign, _h.StatusOf(id));
    }

    [Fact]
    public async Task SignAsync_Should_Fail_When_OrganizationSignsTheSiteStep()
    {
        var id = Assert.Single(await _h.GenerateAsync(1));
        await _h.OrgSignsAsync([id]);

        var result = await _h.Service(Chain.Organization).SignAsync([id], IssuanceHarness.Signature(), default);

        Assert.Contains("培训评价组织不能执行“签发”操作", Assert.Single(result.Failures).Reason);
        Assert.Equal(IssuanceStatus.SitePendingSign, _h.StatusOf(id));
    }

    [Fact]
    public async Task SignAsync_Should_LetOnlyTheHostSchoolSign_When_SiteIsBorrowed()
    {
        var id = Assert.Single(await _h.GenerateAsync(1, siteId: Chain.BorrowedSiteId));
        await _h.OrgSignsAsync([id]);

        var own = await _h.Service(Chain.School).SignAsync([id], IssuanceHarness.Signature(), default);
        var host = await _h.Service(Chain.HostSchool).SignAsync([id], IssuanceHarness.Signature("赵院校"), default);

        Assert.Equal("无权签发该记录", Assert.Single(own.Failures).Reason);
        Assert.Equal(1, host.Succeeded);
        Assert.Equal(IssuanceStatus.PendingIssue, _h.StatusOf(id));
    }

    [Theory]
    [InlineData(0, "请先完成签名再确认签发")]
    [InlineData(1, "签名图片格式不正确，仅支持PNG")]
    [InlineData(2, "签名图片不能超过512KB")]
    public async Task SignAsync_Should_Throw_When_SignatureIsNotAUsablePng(int kind, string message)
    {
        var id = Assert.Single(await _h.GenerateAsync(1));
        var png = TestImages.Png();
        byte[] bytes = kind switch
        {
            0 => [],
            1 => TestImages.TextPretendingToBePng(),
            _ => [.. png, .. new byte[SignatureImageRules.MaxBytes]],
        };

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() =>
            _h.Service(Chain.Organization).SignAsync([id], new SignatureInput("张组织", bytes), default));

        Assert.Equal(message, ex.Message);
        Assert.Empty(_h.Files.Files);
        Assert.Equal(IssuanceStatus.OrgPendingSign, _h.StatusOf(id));
    }

    [Fact]
    public async Task RejectAsync_Should_Throw_When_ReasonIsBlank()
    {
        var id = Assert.Single(await _h.GenerateAsync(1));

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => _h.Service(Chain.Organization).RejectAsync([id], "  ", default));

        Assert.Equal("请填写拒绝签发理由", ex.Message);
        Assert.Equal(IssuanceStatus.OrgPendingSign, _h.StatusOf(id));
    }

    [Fact]
    public async Task RejectAndResign_Should_FollowTheParty_When_EachSideRejectsThenConfirms()
    {
        var id = Assert.Single(await _h.GenerateAsync(1));
        var org = _h.Service(Chain.Organization);
        var school = _h.Service(Chain.School);

        Assert.Equal(1, (await org.RejectAsync([id], "成绩有误", default)).Succeeded);
        Assert.Equal("成绩有误", Chain.Record(id).RejectReason);
        Assert.Equal("无权重新签发该记录", Assert.Single((await _h.Service(Chain.Province).ResignAsync([id], default)).Failures).Reason);
        Assert.Equal(1, (await org.ResignAsync([id], default)).Succeeded);
        Assert.Equal(IssuanceStatus.SitePendingSign, _h.StatusOf(id));
        Assert.Equal(1, (await school.RejectAsync([id], "考生信息有误", default)).Succeeded);
        Assert.Equal(IssuanceStatus.SiteRejected, _h.StatusOf(id));
        Assert.Equal(1, (await school.ResignAsync([id], default)).Succeeded);

        var record = Chain.Record(id);
        Assert.Equal(IssuanceStatus.PendingIssue, record.Status);
        Assert.Null(record.RejectReason);
        Assert.Equal(5, record.History.Count);
    }

    [Fact]
    public async Task SignAsync_Should_ReportEachFailure_When_BatchMixesStatusesAndUnknownIds()
    {
        var ids = await _h.GenerateAsync(4);
        await _h.Service(Chain.Organization).RejectAsync([ids[2]], "成绩有误", default);
        await _h.OrgSignsAsync([ids[3]]);

        var result = await _h.Service(Chain.Organization).SignAsync([.. ids, 999_999], IssuanceHarness.Signature(), default);

        Assert.Equal(2, result.Succeeded);
        Assert.Equal("成功2条，失败3条", result.Summary);
        var reasons = result.Failures.ToDictionary(f => f.RecordId, f => f.Reason);
        Assert.Equal("记录不存在或无权操作", reasons[999_999]);
        Assert.Contains("培训评价组织拒绝签发", reasons[ids[2]]);
        Assert.Contains("考核站点待签发", reasons[ids[3]]);
        Assert.Equal(IssuanceStatus.SitePendingSign, _h.StatusOf(ids[0]));
        Assert.Equal(IssuanceStatus.OrgRejected, _h.StatusOf(ids[2]));
    }

    [Fact]
    public async Task DeleteAsync_Should_RemoveOnlyRecordsNeverSigned_When_OrganizationDeletes()
    {
        var ids = await _h.GenerateAsync(3);
        await _h.OrgSignsAsync([ids[1]]);
        await _h.Service(Chain.Organization).RejectAsync([ids[2]], "成绩有误", default);

        var bySchool = await _h.Service(Chain.School).DeleteAsync([ids[0]], default);
        var result = await _h.Service(Chain.Organization).DeleteAsync(ids, default);

        Assert.Equal("无权删除该记录", Assert.Single(bySchool.Failures).Reason);
        Assert.Equal(1, result.Succeeded);
        Assert.All(result.Failures, f => Assert.Equal("发证记录已开始签发，不能删除", f.Reason));
        Assert.Equal([ids[1], ids[2]], Chain.RecordIds());
        using var db = Chain.Db.OpenAsSystem();
        Assert.DoesNotContain(db.Set<IssuanceHistory>(), h => h.IssuanceRecordId == ids[0]);
        Assert.Equal(1, await _h.Service(Chain.Organization).GenerateAsync(Chain.Criteria(), default));
    }

    [Fact]
    public async Task IssueAsync_Should_MoveToGeneratingAndWakeTheWorker_When_OrganizationIssues()
    {
        var ids = await _h.PendingIssueAsync(2);

        var bySchool = await _h.Service(Chain.School).IssueAsync(ids, IssueMethod.Paper, default);
        Assert.Equal(0, _h.Queue.Wakes);
        var result = await _h.Service(Chain.Organization).IssueAsync(ids, IssueMethod.Paper, default);

        Assert.All(bySchool.Failures, f => Assert.Equal("无权发放该记录", f.Reason));
        Assert.Equal(2, result.Succeeded);
        Assert.Equal(1, _h.Queue.Wakes);
        Assert.All(ids, id => Assert.Equal((IssuanceStatus.Generating, IssueMethod.Paper), (Chain.Record(id).Status, Chain.Record(id).IssueMethod)));
    }

    [Fact]
    public async Task ReissueAsync_Should_StartANewVersion_When_CertificateWasIssued()
    {
        var id = Assert.Single(await _h.IssuedAsync(1));

        var result = await _h.Service(Chain.Organization).ReissueAsync([id], default);

        Assert.Equal(1, result.Succeeded);
        Assert.Equal(IssuanceStatus.Generating, _h.StatusOf(id));
        Assert.Equal(2, _h.Queue.Wakes);
    }

    [Fact]
    public async Task GetAsync_Should_ReturnTheFullHistory_When_RecordWasSignedByBothParties()
    {
        var id = Assert.Single(await _h.PendingIssueAsync(1));

        var detail = await _h.Service(Chain.Organization).GetAsync(id, default);

        Assert.NotNull(detail);
        Assert.Equal(["获取待发证记录", "签发", "签发"], detail.History.Select(h => h.Action));
        Assert.Equal(["培训评价组织", "培训评价组织", "考核站点"], detail.History.Select(h => h.Party));
        Assert.Equal(["张组织", "李院校"], detail.History.Skip(1).Select(h => h.ActorName));
        Assert.All(detail.History.Skip(1), h => Assert.StartsWith("signatures/", h.SignatureImagePath));
        Assert.Equal(IssuanceCommands.Issue, detail.Record.Commands);
    }
}
