using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.ExamSites;
using CertHub.Tests.Support.Builders;

namespace CertHub.Tests.Core.ExamSites;

public sealed class ExamSiteTests
{
    private static readonly Dictionary<(ExamSiteStatus, ExamSiteAction), ExamSiteStatus> Expected = new()
    {
        [(ExamSiteStatus.Draft, ExamSiteAction.Edit)] = ExamSiteStatus.Draft,
        [(ExamSiteStatus.Returned, ExamSiteAction.Edit)] = ExamSiteStatus.Returned,
        [(ExamSiteStatus.Draft, ExamSiteAction.Submit)] = ExamSiteStatus.Pending,
        [(ExamSiteStatus.Returned, ExamSiteAction.Submit)] = ExamSiteStatus.Pending,
        [(ExamSiteStatus.Pending, ExamSiteAction.Withdraw)] = ExamSiteStatus.Draft,
        [(ExamSiteStatus.Pending, ExamSiteAction.Approve)] = ExamSiteStatus.Approved,
        [(ExamSiteStatus.Pending, ExamSiteAction.Return)] = ExamSiteStatus.Returned,
    };

    public static TheoryData<ExamSiteStatus, ExamSiteAction> AllPairs()
    {
        var data = new TheoryData<ExamSiteStatus, ExamSiteAction>();
        foreach (var status in Enum.GetValues<ExamSiteStatus>())
        {
            foreach (var action in Enum.GetValues<ExamSiteAction>())
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Action_Should_ReachExpectedStatusOrThrow_When_AppliedInStatus(ExamSiteStatus from, ExamSiteAction action)
    {
        var site = ADomain.ExamSite(from);
        void Act()
        {
            switch (action)
            {
                case ExamSiteAction.Edit:
                    site.Edit(ADomain.School(1), ADomain.Certificate(1), [CertificateLevel.Junior], "新地址", 80, "王老师", "13800000000");
                    break;
                case ExamSiteAction.Submit:
                    site.Submit(ADomain.Actor, ADomain.Day(3));
                    break;
                case ExamSiteAction.Withdraw:
                    site.Withdraw(ADomain.Actor, ADomain.Day(3));
                    break;
                case ExamSiteAction.Approve:
                    site.Approve("组织", ADomain.Day(3));
                    break;
                case ExamSiteAction.Return:
                    site.Return("设备不达标", "组织", ADomain.Day(3));
                    break;
            }
        }

        if (Expected.TryGetValue((from, action), out var to))
        {
            Act();
            Assert.Equal(to, site.Status);
        }
        else
        {
            Assert.Throws<DomainRuleException>(Act);
            Assert.Equal(from, site.Status);
        }
    }

    [Fact]
    public void Create_Should_BuildName_When_LevelsGiven()
    {
        var site = ADomain.ExamSite();

        Assert.Equal("北京交通大学信息化应用职业技能等级证书(初级、中级、高级)考核站点", site.Name);
    }

    [Fact]
    public void Edit_Should_RebuildName_When_LevelsChange()
    {
        var site = ADomain.ExamSite();

        site.Edit(ADomain.School(1), ADomain.Certificate(1), [CertificateLevel.Intermediate, CertificateLevel.Junior], "地址", 30, "李老师", "010-1");

        Assert.Equal("北京交通大学信息化应用职业技能等级证书(初级、中级)考核站点", site.Name);
        Assert.Equal(2, site.Levels.Count);
    }

    [Fact]
    public void Create_Should_Throw_When_LevelNotOfferedByCertificate()
    {
        var certificate = Certificate.Create("JAVA应用开发职业技能等级证书", "1+X-JAVA", 1, [CertificateLevel.Junior], ADomain.T0);

        Assert.Throws<DomainRuleException>(() =>
            ExamSite.Create(ADomain.School(1), certificate, [CertificateLevel.Senior], "地址", 10, "李老师", "010-1", ADomain.T0));
    }

    [Theory]
    [InlineData(ExamSiteStatus.Draft, true)]
    [InlineData(ExamSiteStatus.Pending, false)]
    [InlineData(ExamSiteStatus.Approved, false)]
    [InlineData(ExamSiteStatus.Returned, true)]
    public void CanEditAndCanDelete_Should_FollowStatus_When_Read(ExamSiteStatus status, bool expected)
    {
        var site = ADomain.ExamSite(status);

        Assert.Equal(expected, site.CanEdit);
        Assert.Equal(expected, site.CanDelete);
    }

    [Fact]
    public void Return_Should_Throw_When_ReasonMissing()
    {
        var site = ADomain.ExamSite(ExamSiteStatus.Pending);

        Assert.Throws<DomainRuleException>(() => site.Return(" ", "组织", ADomain.Day(3)));
        Assert.Equal(ExamSiteStatus.Pending, site.Status);
    }

    [Fact]
    public void Transitions_Should_AppendReviewRows_When_StatusChanges()
    {
        var site = ADomain.ExamSite(ExamSiteStatus.Returned);

        Assert.Equal(2, site.Reviews.Count);
        Assert.Equal(ExamSiteAction.Return, site.Reviews[^1].Action);
        Assert.Equal("考位不足", site.Reviews[^1].Opinion);
        Assert.Equal(ExamSiteStatus.Pending, site.Reviews[^1].FromStatus);
    }

    [Fact]
    public void Create_Should_KeepEquipment_When_Given()
    {
        var site = ExamSite.Create(ADomain.School(1), ADomain.Certificate(1), [CertificateLevel.Junior], "北京市海淀区", 30, "李老师", "13812345678", ADomain.T0, "  计算机30台  ");

        Assert.Equal("计算机30台", site.Equipment);
        Assert.Throws<DomainRuleException>(() => site.Edit(ADomain.School(1), ADomain.Certificate(1), [CertificateLevel.Junior], "北京市海淀区", 30, "李老师",
            "13812345678", new string('设', ExamSite.EquipmentMaxLength + 1)));
    }
}
