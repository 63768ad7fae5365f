using System.IO.Compression;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Issuance;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;

namespace CertHub.Tests.Data.Issuance;

public sealed class IssuanceQueryTests : IDisposable
{
    private readonly IssuanceHarness _h = new();

    private AnIssuanceChain Chain => _h.Chain;

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task ListAsync_Should_PageMaskAndOfferTheOwnersCommands_When_OrganizationLists()
    {
        var ids = await _h.GenerateAsync(12);

        var page = await _h.Service(Chain.Organization).ListAsync(new IssuanceFilter(), new PageRequest(2, 10), default);

        Assert.Equal((12, 2, 2), (page.TotalCount, page.Items.Count, page.PageCount));
        Assert.Equal(ids.Skip(10), page.Items.Select(i => i.Id));
        var row = page.Items[0];
        Assert.Matches(@"^110\*{5}\d{3}[\dX]$", row.MaskedIdNumber);
        Assert.Equal(("已通过", IssuanceStatus.OrgPendingSign), (row.ResultText, row.Status));
        Assert.Equal(IssuanceCommands.Sign | IssuanceCommands.Reject | IssuanceCommands.Delete, row.Commands);
        var asSchool = await _h.Service(Chain.School).ListAsync(new IssuanceFilter(), new PageRequest(), default);
        Assert.All(asSchool.Items, i => Assert.Equal(IssuanceCommands.None, i.Commands));
    }

    [Fact]
    public async Task ListAsync_Should_ApplyTheFilters_When_Given()
    {
        var own = await _h.GenerateAsync(2);
        var borrowed = await _h.GenerateAsync(1, siteId: Chain.BorrowedSiteId);
        await _h.OrgSignsAsync([own[0]]);
        var service = _h.Service(Chain.Organization);
        var number = Chain.Record(own[1]).CandidateNo;

        async Task<IEnumerable<int>> Ids(IssuanceFilter filter) => (await service.ListAsync(filter, new PageRequest(1, 50), default)).Items.Select(i => i.Id);

        Assert.Equal([own[0]], await Ids(new IssuanceFilter(Status: IssuanceStatus.SitePendingSign)));
        Assert.Equal([own[1]], await Ids(new IssuanceFilter(CandidateNo: number[^6..])));
        Assert.Equal(borrowed, await Ids(new IssuanceFilter(SchoolId: Chain.HostSchoolId)));
        Assert.Equal(3, (await Ids(new IssuanceFilter(Year: 2021, CandidateName: "小二", ExamPlanId: Chain.Chain.ExamPlanId,
            CertificateId: Chain.Catalog.CertificateId, Level: CertificateLevel.Intermediate, SchoolId: Chain.SchoolId))).Count());
        Assert.Empty(await Ids(new IssuanceFilter(Year: 2022)));
        Assert.Empty(await Ids(new IssuanceFilter(Level: CertificateLevel.Senior)));
    }

    [Fact]
    public async Task CountsAsync_Should_CountEveryStatus_When_RecordsAreSpread()
    {
        var ids = await _h.GenerateAsync(5);
        await _h.OrgSignsAsync([ids[0], ids[1]]);
        await _h.SiteSignsAsync([ids[0]]);
        await _h.Service(Chain.Organization).RejectAsync([ids[2]], "成绩有误", default);

        var counts = await _h.Service(Chain.School).CountsAsync(new IssuanceFilter(Status: IssuanceStatus.Issued), default);

        Assert.Equal(8, counts.Count);
        Assert.Equal(2, counts[IssuanceStatus.OrgPendingSign]);
        Assert.Equal(1, counts[IssuanceStatus.OrgRejected]);
        Assert.Equal(1, counts[IssuanceStatus.SitePendingSign]);
        Assert.Equal(1, counts[IssuanceStatus.PendingIssue]);
        Assert.Equal(0, counts[IssuanceStatus.Issued]);
        Assert.Equal(5, counts.Values.Sum());
    }

    [Fact]
    public async Task Records_Should_BeInvisibleAndUntouchable_When_UserIsAnotherSchoolOrOrganization()
    {
        var ids = await _h.GenerateAsync(2);

        foreach (var stranger in new ICurrentUser[] { Chain.ThirdSchool, Chain.OtherOrganization })
        {
            var service = _h.Service(stranger);
            Assert.Empty((await service.ListAsync(new IssuanceFilter(), new PageRequest(), default)).Items);
            Assert.Equal(0, (await service.CountsAsync(new IssuanceFilter(), default)).Values.Sum());
            Assert.Null(await service.GetAsync(ids[0], default));
            Assert.Empty(await service.ExportAsync(new IssuanceFilter(), ids, default));
            Assert.Null(await service.DownloadAsync(ids, default));
            foreach (var result in new[]
            {
                await service.SignAsync(ids, IssuanceHarness.Signature(), default),
                await service.RejectAsync(ids, "不通过", default),
                await service.DeleteAsync(ids, default),
                await service.IssueAsync(ids, IssueMethod.Electronic, default),
            })
            {
                Assert.Equal(0, result.Succeeded);
                Assert.All(result.Failures, f => Assert.Equal("记录不存在或无权操作", f.Reason));
            }
        }

        Assert.All(ids, id => Assert.Equal(IssuanceStatus.OrgPendingSign, _h.StatusOf(id)));
    }

    [Fact]
    public async Task ListAsync_Should_ShowRecordsReadOnly_When_UserIsTheCandidatesSchoolOfABorrowedSiteOrTheProvince()
    {
        var id = Assert.Single(await _h.GenerateAsync(1, siteId: Chain.BorrowedSiteId));
        await _h.OrgSignsAsync([id]);

        var own = Assert.Single((await _h.Service(Chain.School).ListAsync(new IssuanceFilter(), new PageRequest(), default)).Items);
        var host = Assert.Single((await _h.Service(Chain.HostSchool).ListAsync(new IssuanceFilter(), new PageRequest(), default)).Items);
        var province = Assert.Single((await _h.Service(Chain.Province).ListAsync(new IssuanceFilter(), new PageRequest(), default)).Items);

        Assert.Equal(IssuanceCommands.None, own.Commands);
        Assert.Equal(IssuanceCommands.Sign | IssuanceCommands.Reject, host.Commands);
        Assert.Equal(IssuanceCommands.None, province.Commands);
        Assert.Equal("无权签发该记录", Assert.Single((await _h.Service(Chain.Province).SignAsync([id], IssuanceHarness.Signature(), default)).Failures).Reason);
    }

    [Fact]
    public async Task DownloadAsync_Should_ReturnOneZip_When_SeveralCertificatesAreDownloadable()
    {
        var issued = await _h.IssuedAsync(2);
        var pending = await _h.GenerateAsync(1);
        var service = _h.Service(Chain.School);

        var zip = await service.DownloadAsync([.. issued, .. pending], default);
        var single = await service.DownloadAsync([issued[1]], default);

        Assert.NotNull(zip);
        Assert.Equal(("电子证书.zip", "application/zip"), (zip.FileName, zip.ContentType));
        using var archive = new ZipArchive(new MemoryStream(zip.Content), ZipArchiveMode.Read);
        var numbers = issued.Select(id => Chain.Record(id).CertificateNo + ".pdf").ToList();
        Assert.Equal(numbers, archive.Entries.Select(e => e.FullName));
        Assert.NotNull(single);
        Assert.Equal((numbers[1], "application/pdf"), (single.FileName, single.ContentType));
        Assert.Equal(_h.Files.Files[$"certificates/{issued[1]}.pdf"], single.Content);
        Assert.Null(await service.DownloadAsync(pending, default));
        var row = (await service.ListAsync(new IssuanceFilter(Status: IssuanceStatus.Issued), new PageRequest(), default)).Items[0];
        Assert.Equal(IssuanceCommands.Download, row.Commands);
    }

    [Fact]
    public async Task ExportAsync_Should_TakeTheSelection_When_IdsAreGivenAndTheFilterOtherwise()
    {
        var ids = await _h.GenerateAsync(3);
        await _h.OrgSignsAsync([ids[0]]);
        var service = _h.Service(Chain.Organization);

        var selected = await service.ExportAsync(new IssuanceFilter(), [ids[1], ids[2]], default);
        var filtered = await service.ExportAsync(new IssuanceFilter(Status: IssuanceStatus.OrgPendingSign), [], default);

        Assert.Equal([ids[1], ids[2]], selected.Select(i => i.Id));
        Assert.Equal([ids[1], ids[2]], filtered.Select(i => i.Id));
    }

    [Fact]
    public async Task Options_Should_ListYearsPlansCertificatesAndSchools_When_OrganizationOpensTheDialog()
    {
        var service = _h.Service(Chain.Organization);

        Assert.Equal([2021], await service.YearsAsync(default));
        var plan = Assert.Single(await service.PlansAsync(2021, default));
        Assert.Empty(await service.PlansAsync(2022, default));
        var certificate = Assert.Single(await service.CertificatesAsync(plan.Id, default));
        Assert.Equal(("信息化应用职业技能等级证书", 3), (certificate.Name, certificate.Levels!.Count));
        Assert.Equal(["北方工业大学"], (await service.SchoolsAsync("北方", default)).Select(s => s.Name));
    }
}
