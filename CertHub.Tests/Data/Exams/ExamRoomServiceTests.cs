using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.ExamSites;
using CertHub.Tests.Support.Builders;
using static CertHub.Tests.Support.Builders.ARoomScenario;

namespace CertHub.Tests.Data.Exams;

public sealed class ExamRoomServiceTests : IAsyncLifetime
{
    private ARoomScenario _s = default!;

    public async Task InitializeAsync() => _s = await CreateAsync();

    public Task DisposeAsync()
    {
        _s.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ListAsync_Should_ShowOnlyOwnedCertificates_When_SubAccountIsCertificateOwner()
    {
        var subject = await _s.SubjectAsync("KM001");
        var plan = await _s.PlanAsync(subject);
        var site = await _s.SiteAsync();
        await _s.Service(_s.School).CreateAsync(Input(plan, site, subjects: subject), default);
        var owner = _s.School with { Role = UserRole.SchoolUser, OwnedCertificateIds = [_s.Catalog.Certificate.Id] };
        var otherOwner = _s.School with { Role = UserRole.SchoolUser, OwnedCertificateIds = [_s.Catalog.Certificate.Id + 1000] };

        Assert.Equal(1, (await _s.Service(owner).ListAsync(new ExamRoomFilter(), new PageRequest(), default)).TotalCount);
        Assert.Equal(0, (await _s.Service(otherOwner).ListAsync(new ExamRoomFilter(), new PageRequest(), default)).TotalCount);
    }

    [Fact]
    public async Task CreateAsync_Should_SaveRoom_When_ChosenThroughCascade()
    {
        var subject = await _s.SubjectAsync("KM001");
        var plan = await _s.PlanAsync(subject);
        var site = await _s.SiteAsync();
        var rooms = _s.Service(_s.School);

        var plans = await rooms.PlanOptionsAsync(default);
        var sites = await rooms.SiteOptionsAsync(plan.Id, default);
        var certificates = await rooms.CertificateOptionsAsync(plan.Id, site.Id, default);
        var subjects = await rooms.SubjectOptionsAsync(plan.Id, _s.Catalog.Certificate.Id, CertificateLevel.Junior, default);
        var id = await rooms.CreateAsync(Input(plan, site, subjects: subject), default);

        Assert.Equal(plan.Id, Assert.Single(plans).Id);
        Assert.Equal(site.Id, Assert.Single(sites).Id);
        Assert.Equal(CertificateLevel.Junior, Assert.Single(certificates).Level); // the plan holds only 初级 of the site's 初级、中级
        Assert.Equal(RoomType.ComputerRoom, Assert.Single(subjects).RoomType);
        var item = Assert.Single((await rooms.ListAsync(new ExamRoomFilter(), new PageRequest(), default)).Items);
        Assert.Equal(id, item.Id);
        Assert.Equal(ExamRoomStatus.NotScheduled, item.Status);
        Assert.True(item.CanEdit && item.CanDelete);
        Assert.Equal(RoomType.ComputerRoom, item.RoomType);
        Assert.Equal("科目KM001(KM001)", item.SubjectsText);
        Assert.Equal(1, (await rooms.CountsAsync(new ExamRoomFilter(), default))[ExamRoomStatus.NotScheduled]);
        Assert.Contains(_s.Changes.Published, n => n.Topic == ExamRoomTopics.Rooms);
    }

    [Fact]
    public async Task CreateAsync_Should_Refuse_When_SiteNotApproved()
    {
        var subject = await _s.SubjectAsync("KM001");
        var plan = await _s.PlanAsync(subject);
        var site = await _s.SiteAsync(status: ExamSiteStatus.Pending);

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => _s.Service(_s.School).CreateAsync(Input(plan, site, subjects: subject), default));

        Assert.Contains("未审核通过", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await _s.Service(_s.School).SiteOptionsAsync(plan.Id, default));
    }

    [Fact]
    public async Task CreateAsync_Should_Refuse_When_SiteIsAnotherSchoolsAndNotAllocated()
    {
        var subject = await _s.SubjectAsync("KM001");
        var plan = await _s.PlanAsync(subject);
        var site = await _s.SiteAsync(_s.Catalog.School);

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => _s.Service(_s.OtherSchool).CreateAsync(Input(plan, site, subjects: subject), default));

        Assert.Equal(ExamRoomAccess.SiteNotForSchool, ex.Message);
        Assert.Empty(await _s.Service(_s.OtherSchool).SiteOptionsAsync(plan.Id, default));
    }

    [Fact]
    public async Task CreateAsync_Should_Refuse_When_PlanDoesNotListSchool()
    {
        var subject = await _s.SubjectAsync("KM001");
        var plan = await _s.PlanAsync("只有北京交通大学的考试", 0, [_s.Catalog.School.Id], subject);
        var site = await _s.SiteAsync(_s.Catalog.OtherSchool);

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => _s.Service(_s.OtherSchool).CreateAsync(Input(plan, site, subjects: subject), default));

        Assert.Equal(ExamRoomAccess.PlanNotFound, ex.Message); // the tenancy filter already hides a plan that does not list the school
        Assert.Empty(await _s.Service(_s.OtherSchool).PlanOptionsAsync(default));
    }

    [Fact]
    public async Task CreateAsync_Should_Refuse_When_SchedulingStarted()
    {
        var subject = await _s.SubjectAsync("KM001");
        var plan = await _s.PlanAsync(subject);
        var site = await _s.SiteAsync();
        _s.Clock.SetUtcNow(ADomain.Day(10));

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => _s.Service(_s.School).CreateAsync(Input(plan, site, subjects: subject), default));

        Assert.Equal(ExamRoomAccess.SchedulingStarted, ex.Message);
        Assert.Empty(await _s.Service(_s.School).PlanOptionsAsync(default));
    }

    [Fact]
    public async Task CreateAsync_Should_Refuse_When_NameTakenInPlanSiteAndCertificate()
    {
        var subject = await _s.SubjectAsync("KM001");
        var plan = await _s.PlanAsync(subject);
        var site = await _s.SiteAsync();
        var rooms = _s.Service(_s.School);
        await rooms.CreateAsync(Input(plan, site, " 第一考场 ", subjects: subject), default);

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => rooms.CreateAsync(Input(plan, site, "第一考场", subjects: subject), default));

        Assert.Equal(ExamRoomService.DuplicateName, ex.Message);
        await rooms.CreateAsync(Input(plan, site, "第二考场", subjects: subject), default);
        Assert.Equal(2, (await rooms.ListAsync(new ExamRoomFilter(), new PageRequest(), default)).TotalCount);
    }

    [Fact]
    public async Task CreateAsync_Should_Refuse_When_SubjectsNeedDifferentRoomTypes()
    {
        var computer = await _s.SubjectAsync("KM001");
        var practical = await _s.SubjectAsync("KM002", mode: ExamMode.Practical);
        var plan = await _s.PlanAsync(computer, practical);
        var site = await _s.SiteAsync();

        var ex = await Assert.ThrowsAsync<DomainRuleException>(() => _s.Service(_s.School).CreateAsync(Input(plan, site, subjects: [computer, practical]), default));

        Assert.Contains("不同类型的考场", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rooms_Should_OnlyRaiseSeats_When_Scheduling()
    {
        var subject = await _s.SubjectAsync("KM001");
        var plan = await _s.PlanAsync(subject);
        var site = await _s.SiteAsync();
        var rooms = _s.Service(_s.School);
        var id = await rooms.CreateAsync(Input(plan, site, subjects: subject), default);
        _s.Clock.SetUtcNow(ADomain.Day(12));

        var edit = await Assert.ThrowsAsync<DomainRuleException>(() => rooms.UpdateAsync(id, Input(plan, site, "改名考场", subjects: subject), default));
        var lower = await Assert.ThrowsAsync<DomainRuleException>(() => rooms.RaiseSeatCountAsync(id, 30, default));
        var delete = await Assert.ThrowsAsync<DomainRuleException>(() => rooms.DeleteAsync(id, default));
        await rooms.RaiseSeatCountAsync(id, 45, default);

        Assert.Contains("排考中", edit.Message, StringComparison.Ordinal);
        Assert.Contains("只能增加", lower.Message, StringComparison.Ordinal);
        Assert.Contains("排考中", delete.Message, StringComparison.Ordinal);
        var item = (await rooms.GetAsync(id, default))!;
        Assert.Equal((45, "第一考场", ExamRoomStatus.Scheduling), (item.SeatCount, item.Name, item.Status));
        Assert.False(item.CanEdit);
        Assert.True(item.CanRaiseSeatCount);
        Assert.Equal(1, (await rooms.CountsAsync(new ExamRoomFilter(), default))[ExamRoomStatus.Scheduling]);
        Assert.Single((await rooms.ListAsync(new ExamRoomFilter(Status: ExamRoomStatus.Scheduling), new PageRequest(), default)).Items);
        Assert.Empty((await rooms.ListAsync(new ExamRoomFilter(Status: ExamRoomStatus.NotScheduled), new PageRequest(), default)).Items);
    }

    [Fact]
    public async Task StaleRaiseSeatCount_Should_BeRefused_When_AnotherUserRaisedItSinceTheDialogOpened()
    {
        var subject = await _s.SubjectAsync("KM001");
        var plan = await _s.PlanAsync(subject);
        var site = await _s.SiteAsync();
        var rooms = _s.Service(_s.School);
        var id = await rooms.CreateAsync(Input(plan, site, subjects: subject), default);
        _s.Clock.SetUtcNow(ADomain.Day(12));
        var seen = (await rooms.GetAsync(id, default))!;

        await rooms.RaiseSeatCountAsync(id, seen.SeatCount + 10, seen.Version, default);
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => rooms.RaiseSeatCountAsync(id, seen.SeatCount + 20, seen.Version, default));

        Assert.Equal(ConcurrencyConflict.Message, refused.Message);
        var current = (await rooms.GetAsync(id, default))!;
        Assert.Equal((seen.SeatCount + 10, seen.Version + 1), (current.SeatCount, current.Version));
        await rooms.RaiseSeatCountAsync(id, seen.SeatCount + 20, current.Version, default);
        Assert.Equal(seen.SeatCount + 20, (await rooms.GetAsync(id, default))!.SeatCount);
    }

    [Fact]
    public async Task Rooms_Should_BeReadOnly_When_SchedulingEnded()
    {
        var subject = await _s.SubjectAsync("KM001");
        var plan = await _s.PlanAsync(subject);
        var site = await _s.SiteAsync();
        var rooms = _s.Service(_s.School);
        var id = await rooms.CreateAsync(Input(plan, site, subjects: subject), default);
        _s.Clock.SetUtcNow(ADomain.Day(15));

        await Assert.ThrowsAsync<DomainRuleException>(() => rooms.RaiseSeatCountAsync(id, 50, default));
        await Assert.ThrowsAsync<DomainRuleException>(() => rooms.DeleteAsync(id, default));

        var item = (await rooms.GetAsync(id, default))!;
        Assert.Equal(ExamRoomStatus.Ended, item.Status);
        Assert.False(item.CanEdit || item.CanRaiseSeatCount || item.CanDelete);
    }

    [Fact]
    public async Task UpdateAndDelete_Should_Succeed_When_NotScheduled()
    {
        var subject = await _s.SubjectAsync("KM001");
        var plan = await _s.PlanAsync(subject);
        var site = await _s.SiteAsync();
        var rooms = _s.Service(_s.School);
        var id = await rooms.CreateAsync(Input(plan, site, subjects: subject), default);
        var other = await rooms.CreateAsync(Input(plan, site, "第二考场", subjects: subject), default);

        await rooms.UpdateAsync(id, Input(plan, site, "第三考场", 20, subjects: subject), default);
        var rename = await Assert.ThrowsAsync<DomainRuleException>(() => rooms.UpdateAsync(id, Input(plan, site, "第二考场", subjects: subject), default));
        var move = await Assert.ThrowsAsync<DomainRuleException>(() => rooms.UpdateAsync(id, Input(plan, site, "第三考场", level: CertificateLevel.Intermediate, subjects: subject), default));
        await rooms.DeleteAsync(other, default);

        Assert.Equal(ExamRoomService.DuplicateName, rename.Message);
        Assert.Contains("不能更改", move.Message, StringComparison.Ordinal);
        var item = Assert.Single((await rooms.ListAsync(new ExamRoomFilter(), new PageRequest(), default)).Items);
        Assert.Equal(("第三考场", 20), (item.Name, item.SeatCount));
    }

    [Fact]
    public async Task AnotherSchool_Should_NeitherSeeNorChangeRoom()
    {
        var subject = await _s.SubjectAsync("KM001");
        var plan = await _s.PlanAsync(subject);
        var site = await _s.SiteAsync();
        var id = await _s.Service(_s.School).CreateAsync(Input(plan, site, subjects: subject), default);
        var other = _s.Service(_s.OtherSchool);

        Assert.Null(await other.GetAsync(id, default));
        Assert.Equal(0, (await other.ListAsync(new ExamRoomFilter(), new PageRequest(), default)).TotalCount);
        Assert.Empty(await other.ExportRowsAsync(new ExamRoomFilter(), [id], default));
        Assert.Equal(0, (await other.CountsAsync(new ExamRoomFilter(), default)).Values.Sum());
        Assert.Equal(ExamRoomService.NotFound, (await Assert.ThrowsAsync<DomainRuleException>(() => other.UpdateAsync(id, Input(plan, site, "x", subjects: subject), default))).Message);
        Assert.Equal(ExamRoomService.NotFound, (await Assert.ThrowsAsync<DomainRuleException>(() => other.RaiseSeatCountAsync(id, 99, default))).Message);
        Assert.Equal(ExamRoomService.NotFound, (await Assert.ThrowsAsync<DomainRuleException>(() => other.DeleteAsync(id, default))).Message);
        Assert.Equal(40, (await _s.Service(_s.School).GetAsync(id, default))!.SeatCount);
        await using var raw = _s.Db.Open(_s.OtherSchool); // the tenancy filter alone hides it too
        Assert.Equal(0, raw.Set<ExamRoom>().Count());
    }

    [Fact]
    public async Task Organization_Should_SeeOnlyRoomsOfItsPlans_ReadOnly()
    {
        var subject = await _s.SubjectAsync("KM001");
        var plan = await _s.PlanAsync(subject);
        var site = await _s.SiteAsync();
        await _s.Service(_s.School).CreateAsync(Input(plan, site, subjects: subject), default);

        Organization otherOrg;
        Certificate otherCertificate;
        await using (var ctx = _s.Db.OpenAsSystem())
        {
            otherOrg = Organization.Create("其他评价组织", "91110000MA01ABCD2X");
            ctx.Add(otherOrg);
            await ctx.SaveChangesAsync();
            otherCertificate = Certificate.Create("JAVA应用开发职业技能等级证书", "1+X-JAVA", otherOrg.Id, [CertificateLevel.Junior], ADomain.T0);
            ctx.Add(otherCertificate);
            await ctx.SaveChangesAsync();
        }

        var javaSubject = await _s.SubjectAsync("JAVA01", certificateId: otherCertificate.Id, organizationId: otherOrg.Id);
        var javaPlan = await _s.PlanAsync("JAVA考试", 0, [_s.Catalog.School.Id], javaSubject);
        var javaSite = await _s.SiteAsync(certificate: otherCertificate, levels: CertificateLevel.Junior);
        await _s.Service(_s.School).CreateAsync(Input(javaPlan, javaSite, "JAVA考场", subjects: javaSubject), default);
        var org = _s.Service(_s.Org);

        var items = (await org.ListAsync(new ExamRoomFilter(), new PageRequest(), default)).Items;

        var item = Assert.Single(items);
        Assert.Equal(("第一考场", "北京交通大学"), (item.Name, item.SchoolName));
        Assert.False(org.CanManage);
        Assert.Equal(ExamRoomService.SchoolOnly, (await Assert.ThrowsAsync<DomainRuleException>(() => org.DeleteAsync(item.Id, default))).Message);
        Assert.Equal(ExamRoomService.SchoolOnly, (await Assert.ThrowsAsync<DomainRuleException>(() => org.CreateAsync(Input(plan, site, "x", subjects: subject), default))).Message);
        Assert.Equal(2, (await _s.Service(_s.School).ListAsync(new ExamRoomFilter(), new PageRequest(), default)).TotalCount);
        Assert.Single((await org.FilterOptionsAsync(default)).Plans);
    }

    [Fact]
    public async Task Borrower_Should_SetRoomOnAllocatedSite_When_AllocatedForPlan()
    {
        var subject = await _s.SubjectAsync("KM001");
        var plan = await _s.PlanAsync(subject);
        var host = await _s.SiteAsync(_s.Catalog.School);
        await _s.AllocateAsync(plan, host, _s.Catalog.OtherSchool.Id);
        var borrower = _s.Service(_s.OtherSchool);

        var site = Assert.Single(await borrower.SiteOptionsAsync(plan.Id, default));
        var id = await borrower.CreateAsync(Input(plan, host, "借考考场", subjects: subject), default);
        var duplicate = await Assert.ThrowsAsync<DomainRuleException>(() => _s.Service(_s.School).CreateAsync(Input(plan, host, "借考考场", subjects: subject), default));

        Assert.True(site.Allocated);
        Assert.Equal(ExamRoomService.DuplicateName, duplicate.Message);
        Assert.Equal(id, Assert.Single((await borrower.ListAsync(new ExamRoomFilter(), new PageRequest(), default)).Items).Id);
        Assert.NotNull(await _s.Service(_s.School).GetAsync(id, default));
        await borrower.RaiseSeatCountAsync(id, 50, default);
        await using var raw = _s.Db.Open(_s.OtherSchool); // the tenancy filter lets the borrower see the room on the allocated site
        Assert.Equal(id, raw.Set<ExamRoom>().Single().Id);
    }

    [Fact]
    public async Task CopyFromPlanAsync_Should_CopyFittingRoomsAndReportSkipped()
    {
        var junior = await _s.SubjectAsync("KM001");
        var intermediate = await _s.SubjectAsync("KM101", CertificateLevel.Intermediate);
        var previous = await _s.PlanAsync("上一期考试", -30, [_s.Catalog.School.Id], junior, intermediate);
        var target = await _s.PlanAsync(junior);
        var site = await _s.SiteAsync();
        var rooms = _s.Service(_s.School);
        _s.Clock.AdjustTime(ADomain.Day(-28));
        await rooms.CreateAsync(Input(previous, site, "第一考场", 35, subjects: junior), default);
        await rooms.CreateAsync(Input(previous, site, "中级考场", level: CertificateLevel.Intermediate, subjects: intermediate), default);
        _s.Clock.AdjustTime(ADomain.Day(2));
        await rooms.CreateAsync(Input(target, site, "已有考场", subjects: junior), default);

        var sources = await rooms.CopySourcePlansAsync(target.Id, default);
        var result = await rooms.CopyFromPlanAsync(previous.Id, target.Id, default);
        var again = await rooms.CopyFromPlanAsync(previous.Id, target.Id, default);

        Assert.Equal(previous.Id, Assert.Single(sources).Id);
        Assert.Equal(["第一考场"], result.Copied);
        Assert.Equal(("中级考场", "新考试计划不包含该证书等级"), (Assert.Single(result.Skipped).RoomName, result.Skipped[0].Reason));
        Assert.Empty(again.Copied);
        Assert.Contains(again.Skipped, s => s.RoomName == "第一考场" && s.Reason == "新考试计划中已有同名考场");
        var copied = Assert.Single((await rooms.ListAsync(new ExamRoomFilter(target.Id, Name: "第一"), new PageRequest(), default)).Items);
        Assert.Equal((35, ExamRoomStatus.NotScheduled), (copied.SeatCount, copied.Status));
        Assert.Contains("没有本校的考场", (await Assert.ThrowsAsync<DomainRuleException>(() => _s.Service(_s.OtherSchool).CopyFromPlanAsync(previous.Id, target.Id, default))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_Should_NarrowByPlanSiteCertificateAndName()
    {
        var subject = await _s.SubjectAsync("KM001");
        var planA = await _s.PlanAsync(subject);
        var planB = await _s.PlanAsync("第二个考试计划", 0, [_s.Catalog.School.Id], subject);
        var site = await _s.SiteAsync();
        var rooms = _s.Service(_s.School);
        await rooms.CreateAsync(Input(planA, site, "甲考场", subjects: subject), default);
        await rooms.CreateAsync(Input(planB, site, "乙考场", subjects: subject), default);

        Assert.Equal("乙考场", Assert.Single((await rooms.ListAsync(new ExamRoomFilter(planB.Id), new PageRequest(), default)).Items).Name);
        Assert.Equal(2, (await rooms.ListAsync(new ExamRoomFilter(ExamSiteId: site.Id, CertificateId: _s.Catalog.Certificate.Id), new PageRequest(), default)).TotalCount);
        Assert.Equal("甲考场", Assert.Single((await rooms.ListAsync(new ExamRoomFilter(Name: "甲"), new PageRequest(), default)).Items).Name);
        Assert.Equal(2, (await rooms.ExportRowsAsync(new ExamRoomFilter(), [], default)).Count);
        Assert.Equal(2, (await rooms.FilterOptionsAsync(default)).Plans.Count);
    }
}
