using Bunit;
using CertHub.Core.Common;
using CertHub.Core.Scheduling;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using CertHub.Web.Components.Pages.Scheduling;
using CertHub.Web.Documents.Pdf;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace CertHub.Tests.Web.Scheduling;

public sealed class SchedulingPagesTests
{
    private enum Who
    {
        Host,
        Borrower,
        Organization,
        Outsider,
    }

    private static (BunitContext Context, AScheduledRoom Schedule) Context(Who who)
    {
        var db = new SqliteTestDb();
        var files = new MemoryFileStore();
        var schedule = AScheduledRoom.SaveIn(db, files);
        ICurrentUser user = who switch
        {
            Who.Host => new FixedCurrentUser(UserRole.SchoolAdmin, SchoolId: schedule.HostSchoolId),
            Who.Borrower => new FixedCurrentUser(UserRole.SchoolAdmin, SchoolId: schedule.BorrowerSchoolId),
            Who.Organization => new FixedCurrentUser(UserRole.OrgAdmin, OrganizationId: schedule.Catalog.OrganizationId),
            _ => new FixedCurrentUser(UserRole.SchoolAdmin, SchoolId: schedule.ThirdSchoolId),
        };
        var ctx = new BunitContext();
        ctx.Services.AddSingleton(_ => db);
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddSingleton(user);
        ctx.Services.AddSingleton(db.FactoryFor(user));
        ctx.Services.AddSingleton<IFileStore>(files);
        ctx.Services.AddSingleton<ScheduleQueries>();
        ctx.Services.AddSingleton<ScheduleDocuments>();
        ctx.Services.AddSingleton(new CertHub.Core.CheckIn.CheckInTokenSigner(new byte[32]));
        ctx.Services.AddSingleton(new CertHub.Core.CheckIn.CheckInOptions());
        ctx.Services.AddSingleton<IChangeFeed>(new RecordingChangeFeed());
        ctx.Services.AddSingleton<TimeProvider>(new FakeTimeProvider(ADomain.Day(12)));
        ctx.Services.AddSingleton<SchedulingService>();
        return (ctx, schedule);
    }

    [Fact]
    public async Task RoomsPage_Should_ListRoomsWithRoomDocuments_When_HostSchool()
    {
        var (ctx, _) = Context(Who.Host);
        await using var _ctx = ctx;

        var cut = ctx.Render<RoomArrangementsPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=room-name]").Count));
        Assert.Equal(["2", "1"], cut.FindAll("[data-testid=room-seated]").Select(e => e.TextContent));
        Assert.Equal(2, cut.FindAll("[data-testid=room-door]").Count);
        Assert.Equal(2, cut.FindAll("[data-testid=room-signin]").Count);
        Assert.Contains("所在地区", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("监考人员所在区域(院校)", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoomsPage_Should_OfferOnlyTickets_When_SchoolBorrowsTheRoom()
    {
        var (ctx, _) = Context(Who.Borrower);
        await using var _ctx = ctx;

        var cut = ctx.Render<RoomArrangementsPage>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=room-name]")));
        Assert.Equal("1", cut.Find("[data-testid=room-seated]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=room-door]"));
        Assert.Single(cut.FindAll("[data-testid=room-tickets]"));
    }

    [Fact]
    public async Task RoomsPage_Should_ShowNoRecords_When_SchoolHasNoScheduledRooms()
    {
        var (ctx, schedule) = Context(Who.Outsider);
        await using var _ctx = ctx;

        var cut = ctx.Render<RoomArrangementsPage>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=room-name]")));
        Assert.Equal("第二考场", cut.Find("[data-testid=room-name]").TextContent);
        Assert.DoesNotContain("第一考场", cut.Markup, StringComparison.Ordinal);
        Assert.NotEqual(0, schedule.OtherSessionId);
    }

    [Fact]
    public async Task RoomsPage_Should_DownloadTheRoomsTicketsAsPdf_When_ExportClicked()
    {
        var (ctx, _) = Context(Who.Organization);
        await using var _ctx = ctx;
        var cut = ctx.Render<RoomArrangementsPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=room-tickets]").Count));

        await cut.InvokeAsync(() => cut.FindAll("[data-testid=room-tickets]")[0].Click());

        cut.WaitForAssertion(() => Assert.Contains(ctx.JSInterop.Invocations, i => i.Identifier == "downloadFileFromStream"
            && ((string)i.Arguments[0]!).StartsWith("准考证_第一考场_理论知识", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RoomsPage_Should_DownloadTheSignInSheet_When_HostClicks()
    {
        var (ctx, _) = Context(Who.Host);
        await using var _ctx = ctx;
        var cut = ctx.Render<RoomArrangementsPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=room-signin]").Count));

        await cut.InvokeAsync(() => cut.FindAll("[data-testid=room-signin]")[0].Click());

        cut.WaitForAssertion(() => Assert.Contains(ctx.JSInterop.Invocations, i => i.Identifier == "downloadFileFromStream"
            && ((string)i.Arguments[0]!).StartsWith("考场签到表_", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SeatMapDialog_Should_ShowWhoSitsWhere_When_Viewed()
    {
        var (ctx, schedule) = Context(Who.Host);
        await using var _ctx = ctx;
        var dialogs = ctx.Render<MudDialogProvider>();

        var service = ctx.Services.GetRequiredService<IDialogService>();
        await dialogs.InvokeAsync(() => service.ShowAsync<SeatMapDialog>("第一考场", new DialogParameters<SeatMapDialog> { { d => d.RoomSessionId, schedule.TheorySessionId } }));

        dialogs.WaitForAssertion(() => Assert.Equal(30, dialogs.FindAll("[data-testid=seat]").Count));
        Assert.Equal([AScheduledRoom.HostCandidate, AScheduledRoom.BorrowerCandidate], dialogs.FindAll("[data-testid=seat-candidate]").Select(e => e.TextContent));
    }

    [Fact]
    public async Task DetailsPage_Should_ListOwnCandidatesAndFilterByName_When_School()
    {
        var (ctx, _) = Context(Who.Host);
        await using var _ctx = ctx;
        var cut = ctx.Render<ScheduleDetailsPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=detail-name]").Count));
        Assert.All(cut.FindAll("[data-testid=detail-name]"), e => Assert.Equal(AScheduledRoom.HostCandidate, e.TextContent));

        cut.Find("input[data-testid=filter-name]").Change("李四");
        await cut.InvokeAsync(() => cut.Find("[data-testid=filter-search]").Click());

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=no-records]")));
    }

    [Fact]
    public async Task DetailsPage_Should_ListEveryCandidateOfItsPlans_When_Organization()
    {
        var (ctx, _) = Context(Who.Organization);
        await using var _ctx = ctx;

        var cut = ctx.Render<ScheduleDetailsPage>();

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=detail-name]").Count));
        Assert.DoesNotContain(AScheduledRoom.ThirdCandidate, cut.Markup, StringComparison.Ordinal);
        Assert.Equal(["1", "2", "1"], cut.FindAll("[data-testid=detail-seat]").Select(e => e.TextContent));
    }
}
