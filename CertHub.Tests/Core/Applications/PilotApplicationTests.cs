using CertHub.Core.Applications;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Tests.Support.Builders;

namespace CertHub.Tests.Core.Applications;

public sealed class PilotApplicationTests
{
    /// <summary>The expected table, written out here (not read from the entity).</summary>
    private static readonly Dictionary<(PilotApplicationStatus, PilotApplicationAction), PilotApplicationStatus> Expected = new()
    {
        [(PilotApplicationStatus.Draft, PilotApplicationAction.Edit)] = PilotApplicationStatus.Draft,
        [(PilotApplicationStatus.Returned, PilotApplicationAction.Edit)] = PilotApplicationStatus.Returned,
        [(PilotApplicationStatus.Draft, PilotApplicationAction.Submit)] = PilotApplicationStatus.UnderReview,
        [(PilotApplicationStatus.Returned, PilotApplicationAction.Submit)] = PilotApplicationStatus.UnderReview,
        [(PilotApplicationStatus.UnderReview, PilotApplicationAction.Approve)] = PilotApplicationStatus.Approved,
        [(PilotApplicationStatus.UnderReview, PilotApplicationAction.Return)] = PilotApplicationStatus.Returned,
        [(PilotApplicationStatus.Approved, PilotApplicationAction.ReturnApproved)] = PilotApplicationStatus.Returned,
    };

    /// <summary>The expected table when the plan requires 地市级教育局审批 (提交 goes to 待地市审核 first).</summary>
    private static readonly Dictionary<(PilotApplicationStatus, PilotApplicationAction), PilotApplicationStatus> ExpectedWithCity = new()
    {
        [(PilotApplicationStatus.Draft, PilotApplicationAction.Edit)] = PilotApplicationStatus.Draft,
        [(PilotApplicationStatus.Returned, PilotApplicationAction.Edit)] = PilotApplicationStatus.Returned,
        [(PilotApplicationStatus.Draft, PilotApplicationAction.Submit)] = PilotApplicationStatus.CityReview,
        [(PilotApplicationStatus.Returned, PilotApplicationAction.Submit)] = PilotApplicationStatus.CityReview,
        [(PilotApplicationStatus.CityReview, PilotApplicationAction.CityApprove)] = PilotApplicationStatus.UnderReview,
        [(PilotApplicationStatus.CityReview, PilotApplicationAction.CityReturn)] = PilotApplicationStatus.Returned,
        [(PilotApplicationStatus.UnderReview, PilotApplicationAction.Approve)] = PilotApplicationStatus.Approved,
        [(PilotApplicationStatus.UnderReview, PilotApplicationAction.Return)] = PilotApplicationStatus.Returned,
        [(PilotApplicationStatus.Approved, PilotApplicationAction.ReturnApproved)] = PilotApplicationStatus.Returned,
    };

    /// <summary>
    /// Every status and verb, with and without 地市级教育局审批 (待地市审核 is reachable only with it). SubmitToCity is not a verb of
    /// its own: it is 提交 (Submit) on an application whose plan requires the city bureau's approval.
    /// </summary>
    public static TheoryData<bool, PilotApplicationStatus, PilotApplicationAction> AllPairs()
    {
        var data = new TheoryData<bool, PilotApplicationStatus, PilotApplicationAction>();
        foreach (var city in new[] { false, true })
        {
            foreach (var status in Enum.GetValues<PilotApplicationStatus>().Where(s => city || s != PilotApplicationStatus.CityReview))
            {
                foreach (var action in Enum.GetValues<PilotApplicationAction>().Where(a => a != PilotApplicationAction.SubmitToCity))
                {
                    data.Add(city, status, action);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Action_Should_ReachExpectedStatusOrThrow_When_AppliedInStatus(bool city, PilotApplicationStatus from, PilotApplicationAction action)
    {
        var application = ADomain.PilotApplication(from, city: city);
        Assert.Equal(from, application.Status);
        var reviews = application.Reviews.Count;
        void Act()
        {
            switch (action)
            {
                case PilotApplicationAction.Edit:
                    application.Edit(0, [new PilotApplicationMajorInput(1, 34, 45, 40)], "<p>师资</p>", null);
                    break;
                case PilotApplicationAction.Submit:
                    application.Submit(ADomain.Actor, ADomain.Day(4));
                    break;
                case PilotApplicationAction.Approve:
                    application.Approve(10, "省厅", ADomain.Day(4));
                    break;
                case PilotApplicationAction.Return:
                    application.Return("请补充场地情况", "省厅", ADomain.Day(4));
                    break;
                case PilotApplicationAction.ReturnApproved:
                    application.ReturnApproved("人数有误", "省厅", ADomain.Day(4));
                    break;
                case PilotApplicationAction.CityApprove:
                    application.RecordCityDecision(true, ADomain.CityBureau, "同意上报", "省厅", ADomain.Day(4));
                    break;
                case PilotApplicationAction.CityReturn:
                    application.RecordCityDecision(false, ADomain.CityBureau, "材料不全", "省厅", ADomain.Day(4));
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(action));
            }
        }

        if ((city ? ExpectedWithCity : Expected).TryGetValue((from, action), out var to))
        {
            Act();
            Assert.Equal(to, application.Status);
        }
        else
        {
            Assert.Throws<DomainRuleException>(Act);
            Assert.Equal(from, application.Status);
            Assert.Equal(reviews, application.Reviews.Count);
        }
    }

    [Fact]
    public void Approve_Should_BeRefused_When_CityApprovalRequiredButNotGivenYet()
    {
        var application = ADomain.PilotApplication(PilotApplicationStatus.CityReview, city: true);

        var total = Assert.Throws<DomainRuleException>(() => application.Approve(10, "省厅", ADomain.Day(4)));
        var byMajor = Assert.Throws<DomainRuleException>(() => application.Approve(new Dictionary<int, int> { [1] = 10 }, "省厅", ADomain.Day(4)));

        Assert.Equal(PilotApplication.CityApprovalFirst, total.Message);
        Assert.Equal(PilotApplication.CityApprovalFirst, byMajor.Message);
        Assert.Equal(PilotApplicationStatus.CityReview, application.Status);
        Assert.True(application.CanRecordCityDecision);
        Assert.False(application.CanApprove);
    }

    [Theory]
    [InlineData(PilotApplicationStatus.Draft)]
    [InlineData(PilotApplicationStatus.UnderReview)]
    [InlineData(PilotApplicationStatus.Approved)]
    public void RecordCityDecision_Should_BeRefused_When_PlanDoesNotRequireIt(PilotApplicationStatus status)
    {
        var application = ADomain.PilotApplication(status);

        var ex = Assert.Throws<DomainRuleException>(() => application.RecordCityDecision(true, ADomain.CityBureau, null, "省厅", ADomain.Day(4)));

        Assert.Equal(PilotApplication.CityApprovalNotRequired, ex.Message);
        Assert.Equal(status, application.Status);
        Assert.False(application.CanRecordCityDecision);
    }

    [Fact]
    public void RecordCityDecision_Should_KeepItsOwnReviewRecord_Then_ProvinceApproves()
    {
        var application = ADomain.PilotApplication(PilotApplicationStatus.Draft, city: true);
        application.Submit(ADomain.Actor, ADomain.Day(2));
        Assert.Equal(PilotApplicationStatus.CityReview, application.Status);

        application.RecordCityDecision(true, ADomain.CityBureau, "同意上报", "省厅审核员", ADomain.Day(3));
        application.Approve(40, "省厅审核员", ADomain.Day(4), "同意试点");

        Assert.Equal(PilotApplicationStatus.Approved, application.Status);
        Assert.Collection(application.Reviews,
            city =>
            {
                Assert.Equal((ApplicationReviewStage.City, ApplicationReviewResult.Approved, ADomain.CityBureau, "同意上报", "省厅审核员"),
                    (city.Stage, city.Result, city.ApprovingUnit, city.Opinion, city.ReviewerName));
            },
            province => Assert.Equal((ApplicationReviewStage.Province, ApplicationReviewResult.Approved, (string?)null), (province.Stage, province.Result, province.ApprovingUnit)));
    }

    [Fact]
    public void RecordCityDecision_Should_ReturnToTheSchoolWithReason_And_NeedTheCityAgainAfterResubmit()
    {
        var application = ADomain.PilotApplication(PilotApplicationStatus.CityReview, city: true);

        application.RecordCityDecision(false, ADomain.CityBureau, "师资材料不全", "省厅审核员", ADomain.Day(3));
        application.Submit(ADomain.Actor, ADomain.Day(4));

        Assert.Equal(PilotApplicationStatus.CityReview, application.Status);
        Assert.Equal((ApplicationReviewStage.City, ApplicationReviewResult.Returned, "师资材料不全"), (application.Reviews[0].Stage, application.Reviews[0].Result, application.Reviews[0].Opinion));
    }

    [Theory]
    [InlineData(false, " ", "材料不全")]
    [InlineData(false, ADomain.CityBureau, " ")]
    [InlineData(true, "", "同意")]
    public void RecordCityDecision_Should_Refuse_When_UnitMissingOrReturnWithoutReason(bool approved, string unit, string opinion)
    {
        var application = ADomain.PilotApplication(PilotApplicationStatus.CityReview, city: true);

        Assert.Throws<DomainRuleException>(() => application.RecordCityDecision(approved, unit, opinion, "省厅", ADomain.Day(3)));

        Assert.Equal(PilotApplicationStatus.CityReview, application.Status);
        Assert.Empty(application.Reviews);
    }

    [Fact]
    public void Create_Should_Throw_When_PlanIsNotInProgress()
    {
        var plan = ADomain.ApplicationPlan();

        Assert.Throws<DomainRuleException>(() => PilotApplication.Create(plan, 1, 1, CertificateLevel.Junior, ADomain.Day(10)));
        Assert.Throws<DomainRuleException>(() => PilotApplication.Create(plan, 1, 1, CertificateLevel.Junior, ADomain.T0.AddTicks(-1)));
    }

    [Fact]
    public void Create_Should_Throw_When_CertificateOutsidePartialScope()
    {
        var plan = ADomain.ApplicationPlan(scope: OpenScope.Partial, open: [(2, CertificateLevel.Junior)]);

        Assert.Throws<DomainRuleException>(() => PilotApplication.Create(plan, 1, 1, CertificateLevel.Junior, ADomain.Day(1)));
    }

    [Fact]
    public void Edit_Should_SumMajors_When_MajorsGiven()
    {
        var application = PilotApplication.Create(ADomain.ApplicationPlan(byMajor: true), 1, 1, CertificateLevel.Junior, ADomain.Day(1));

        application.Edit(999, [new PilotApplicationMajorInput(1, 30, 5, 20), new PilotApplicationMajorInput(2, 40, 6, 36)], "<p>x</p>", null);

        Assert.Equal(56, application.RequestedTotal);
        Assert.Equal(2, application.Majors.Count);
    }

    [Fact]
    public void Submit_Should_Throw_When_ByMajorPlanHasNoMajor()
    {
        var application = PilotApplication.Create(ADomain.ApplicationPlan(byMajor: true), 1, 1, CertificateLevel.Junior, ADomain.Day(1));
        application.Edit(50, [], "<p>x</p>", null);

        var ex = Assert.Throws<DomainRuleException>(() => application.Submit(ADomain.Actor, ADomain.Day(2)));

        Assert.Contains("至少添加一个拟申报专业", ex.Message);
        Assert.Equal(PilotApplicationStatus.Draft, application.Status);
    }

    [Fact]
    public void Submit_Should_AcceptTotal_When_PlanIsNotByMajor()
    {
        var application = PilotApplication.Create(ADomain.ApplicationPlan(), 1, 1, CertificateLevel.Junior, ADomain.Day(1));
        application.Edit(24, [], "<p>x</p>", null);

        application.Submit(ADomain.Actor, ADomain.Day(2));

        Assert.Equal(PilotApplicationStatus.UnderReview, application.Status);
        Assert.Equal(24, application.RequestedTotal);
        Assert.Equal(ADomain.Day(2), application.SubmittedUtc);
        Assert.True(application.AllowsMajor(12345));
    }

    [Fact]
    public void Submit_Should_Throw_When_TotalIsZero()
    {
        var application = PilotApplication.Create(ADomain.ApplicationPlan(), 1, 1, CertificateLevel.Junior, ADomain.Day(1));
        application.Edit(0, [], "<p>x</p>", null);

        Assert.Throws<DomainRuleException>(() => application.Submit(ADomain.Actor, ADomain.Day(2)));
    }

    [Fact]
    public void Submit_Should_Throw_When_FacultyMissing()
    {
        var application = PilotApplication.Create(ADomain.ApplicationPlan(), 1, 1, CertificateLevel.Junior, ADomain.Day(1));
        application.Edit(10, [], null, null);

        var ex = Assert.Throws<DomainRuleException>(() => application.Submit(ADomain.Actor, ADomain.Day(2)));

        Assert.Equal("请填写师资情况", ex.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Return_Should_Throw_When_ReasonMissing(string? reason)
    {
        var application = ADomain.PilotApplication(PilotApplicationStatus.UnderReview);

        Assert.Throws<DomainRuleException>(() => application.Return(reason!, "省厅", ADomain.Day(4)));
        Assert.Throws<DomainRuleException>(() => ADomain.PilotApplication(PilotApplicationStatus.Approved).ReturnApproved(reason!, "省厅", ADomain.Day(4)));
        Assert.Equal(PilotApplicationStatus.UnderReview, application.Status);
    }

    [Fact]
    public void Approve_Should_AppendReviewAndSetTotal_When_UnderReview()
    {
        var application = ADomain.PilotApplication(PilotApplicationStatus.UnderReview);

        application.Approve(4, "省厅审核员", ADomain.Day(5), "同意");

        Assert.Equal(4, application.ApprovedTotal);
        var review = Assert.Single(application.Reviews);
        Assert.Equal(ApplicationReviewResult.Approved, review.Result);
        Assert.Equal("省厅审核员", review.ReviewerName);
        Assert.Equal(ADomain.Day(5), review.ReviewedUtc);
    }

    [Fact]
    public void Approve_Should_Throw_When_ApprovedExceedsRequested()
    {
        var application = ADomain.PilotApplication(PilotApplicationStatus.UnderReview);

        Assert.Throws<DomainRuleException>(() => application.Approve(57, "省厅", ADomain.Day(5)));
    }

    [Fact]
    public void Approve_Should_SumPerMajorNumbers_When_GivenPerMajor()
    {
        var application = ADomain.PilotApplication(PilotApplicationStatus.UnderReview);

        application.Approve(new Dictionary<int, int> { [1] = 30 }, "省厅", ADomain.Day(5));

        Assert.Equal(30, application.ApprovedTotal);
        Assert.Equal(30, application.Majors[0].ApprovedTrainees);
    }

    [Fact]
    public void Approve_Should_Throw_When_PerMajorNumberMissing()
    {
        var application = ADomain.PilotApplication(PilotApplicationStatus.UnderReview);

        Assert.Throws<DomainRuleException>(() => application.Approve(new Dictionary<int, int> { [2] = 30 }, "省厅", ADomain.Day(5)));
        Assert.Equal(PilotApplicationStatus.UnderReview, application.Status);
    }

    [Fact]
    public void ReturnApproved_Should_ClearApprovedNumbersAndKeepReviews_When_Approved()
    {
        var application = ADomain.PilotApplication(PilotApplicationStatus.Approved);

        application.ReturnApproved("人数有误", "省厅", ADomain.Day(6));

        Assert.Null(application.ApprovedTotal);
        Assert.Equal(2, application.Reviews.Count);
        Assert.Equal("人数有误", application.Reviews[^1].Opinion);
        Assert.True(application.CanEdit);
    }

    [Fact]
    public void Edit_Should_Throw_When_MajorRepeated()
    {
        var application = ADomain.PilotApplication();

        Assert.Throws<DomainRuleException>(() =>
            application.Edit(0, [new PilotApplicationMajorInput(1, 1, 1, 1), new PilotApplicationMajorInput(1, 2, 2, 2)], "x", null));
    }
}
