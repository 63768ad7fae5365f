using Bunit;
using CertHub.Core.Common;
using CertHub.Core.Reports;
using CertHub.Tests.Web.Reports;
using CertHub.Web.Components.Pages.Reports;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace CertHub.Tests.Web.Concurrency;

/// <summary>A review dialog decides on the version it showed: when the school changed the row meanwhile, 审核通过 is refused.</summary>
public sealed class StaleReviewDialogTests
{
    [Fact]
    public async Task WeeklyReportReviewDialog_Should_ShowTheConcurrencyMessage_When_TheSchoolResubmittedWhileItWasOpen()
    {
        await using var ctx = new WeeklyReportPageContext(d => d.Beijing);
        var school = ctx.ServiceFor(ctx.Data.SchoolA);
        var id = await school.SaveAsync(0, new WeeklyReportInput("<p>原内容</p>", "<p>困难</p>", "<p>建议</p>"), new ScanUpload("a.pdf", WeeklyReportPageTests.Pdf), true, default);
        var dialogs = ctx.Render<MudDialogProvider>();
        var snackbars = ctx.Render<MudSnackbarProvider>();
        var cut = ctx.Render<WeeklyReportsPage>();
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=report-review]")));

        cut.Find("[data-testid=report-review]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("原内容", dialogs.Markup, StringComparison.Ordinal));
        await school.WithdrawAsync(id, default);
        await school.SaveAsync(id, new WeeklyReportInput("<p>新内容</p>", "<p>困难</p>", "<p>建议</p>"), null, true, default);
        dialogs.Find("[data-testid=review-approve]").Click();

        snackbars.WaitForAssertion(() => Assert.Contains(ConcurrencyConflict.Message, snackbars.Markup, StringComparison.Ordinal));
        var report = (await ctx.Services.GetRequiredService<WeeklyReportService>().GetAsync(id, default))!;
        Assert.Equal((WeeklyReportStatus.PendingReview, "<p>新内容</p>"), (report.Status, report.WorkProgressHtml));
        Assert.DoesNotContain(report.Reviews, r => r.Result == WeeklyReportAction.Approve);
    }
}
