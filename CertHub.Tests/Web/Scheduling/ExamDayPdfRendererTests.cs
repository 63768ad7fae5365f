using CertHub.Core.CheckIn;
using CertHub.Core.Common;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using CertHub.Web.Documents.Pdf;

namespace CertHub.Tests.Web.Scheduling;

public sealed class ExamDayPdfRendererTests
{
    [Fact]
    public void AdmissionTickets_Should_RenderOnePagePerTicketWithTheirNames_When_SeveralTickets()
    {
        var tickets = AnExamDayDocument.Tickets(3);

        var pdf = new AdmissionTicketPdfRenderer().Render(tickets);
        PdfText.Keep(pdf, "admission-tickets");

        var pages = PdfText.Pages(pdf);
        Assert.Equal(3, PdfText.PageCount(pdf));
        Assert.Equal(3, pages.Count);
        for (var i = 0; i < tickets.Count; i++)
        {
            Assert.Contains(tickets[i].CandidateName, pages[i], StringComparison.Ordinal);
            Assert.Contains(tickets[i].AdmissionTicketNo, pages[i], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AdmissionTicket_Should_PrintTheManualsFieldsTableAndNotice_When_Rendered()
    {
        var page = PdfText.Pages(new AdmissionTicketPdfRenderer().Render([AnExamDayDocument.Ticket()])).Single();
        var text = page.Replace("\n", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);

        foreach (var expected in new[]
        {
            "准考证", "学生姓名", "王小八", "性别", "男", "身份证号", "370*****6532", "学生编号", "37068220211631844006551248",
            "准考证号", "20210916002611000000700012", "所属院校", "北方工业大学", "考核站点", "考点地址", "北京市石景山区晋元庄路5号",
            "考试证书", "考试科目", "考试方式", "考试时间", "考场名称", "座位号", "笔试科目", "实操科目", "实操", "2021-09-1808:00~09:00",
            "笔试实操考场101", "考试须知",
        })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("370682199", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AdmissionTicket_Should_PrintASigningQrPerLine_When_TheLinesAreInDifferentRoomSessions()
    {
        var ticket = AnExamDayDocument.Ticket();
        var seated = ticket with
        {
            CheckIn = new CheckInTicket(7, 3, 11, 101, 1),
            Lines = [ticket.Lines[0] with { CheckIn = new CheckInTicket(7, 3, 11, 101, 1) }, ticket.Lines[1] with { CheckIn = new CheckInTicket(7, 3, 12, 102, 4) }],
        };
        var signed = new List<CheckInTicket>();

        var page = Flat(PdfText.Pages(new AdmissionTicketPdfRenderer().Render([seated], seat => { signed.Add(seat); return $"token-{seat.RoomSessionId}"; })).Single());
        var single = Flat(PdfText.Pages(new AdmissionTicketPdfRenderer().Render([seated with { Lines = [seated.Lines[0]] }], seat => "token")).Single());

        Assert.Equal([101, 102], signed.Select(s => s.RoomSessionId));
        Assert.Contains("签到码", page, StringComparison.Ordinal);
        Assert.Contains("各科考场签到二维码见下表", page, StringComparison.Ordinal);
        Assert.Contains("考场签到二维码", single, StringComparison.Ordinal);
        Assert.DoesNotContain("见下表", single, StringComparison.Ordinal);
    }

    private static string Flat(string text) => text.Replace("\n", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);

    [Fact]
    public void AdmissionTicket_Should_EmbedThePhotoOnce_When_TicketsShareIt()
    {
        var withPhotos = new AdmissionTicketPdfRenderer().Render(AnExamDayDocument.Tickets(4));
        var withoutPhotos = new AdmissionTicketPdfRenderer().Render([.. AnExamDayDocument.Tickets(4).Select(t => t with { Photo = null })]);

        Assert.Equal(1, CountImages(withPhotos));
        Assert.Equal(0, CountImages(withoutPhotos));
        Assert.Contains("无照片", PdfText.Pages(withoutPhotos)[0], StringComparison.Ordinal);
    }

    [Fact]
    public void AdmissionTickets_Should_BeRefused_When_ThereAreNone()
    {
        Assert.Throws<DomainRuleException>(() => new AdmissionTicketPdfRenderer().Render([]));
    }

    [Fact]
    public void DoorSticker_Should_PrintRoomSubjectTimeSeatRangeAndCount_When_Rendered()
    {
        var pdf = new DoorStickerPdfRenderer().Render([AnExamDayDocument.Door(30), AnExamDayDocument.Door(12) with { Room = AnExamDayDocument.Room("第2机房考场") }]);
        PdfText.Keep(pdf, "door-stickers");

        var pages = PdfText.Pages(pdf);
        Assert.Equal(2, pages.Count);
        var first = pages[0].Replace(" ", "", StringComparison.Ordinal);
        foreach (var expected in new[] { "笔试实操考场101", "笔试科目", "2021-09-1808:00~09:00", "1-30号", "30人", "张丽(KK867114)", "2021年智能新能源汽车考试计划" })
        {
            Assert.Contains(expected, first, StringComparison.Ordinal);
        }

        Assert.Contains("第2机房考场", pages[1], StringComparison.Ordinal);
        Assert.Contains("12人", pages[1].Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(8, 1)]
    [InlineData(9, 2)]
    [InlineData(30, 4)]
    public void DeskStickers_Should_PutEightPerPage_When_Rendered(int count, int expectedPages)
    {
        var stickers = AnExamDayDocument.Desks(count);

        var pdf = new DeskStickerPdfRenderer().Render(stickers);
        PdfText.Keep(pdf, $"desk-stickers-{count}");

        var pages = PdfText.Pages(pdf);
        Assert.Equal(expectedPages, pages.Count);
        Assert.All(stickers, s => Assert.Contains(s.AdmissionTicketNo, pages[(s.SeatNo - 1) / DeskStickerPdfRenderer.PerPage], StringComparison.Ordinal));
    }

    [Fact]
    public void SignInSheet_Should_RepeatTheHeaderOnEveryPageAndListEverySeat_When_LongerThanAPage()
    {
        var sheet = AnExamDayDocument.Sheet(20);

        var pdf = new SignInSheetPdfRenderer().Render([sheet]);
        PdfText.Keep(pdf, "sign-in-sheet");

        var pages = PdfText.Pages(pdf);
        Assert.Equal(3, pages.Count);
        Assert.All(pages, p =>
        {
            Assert.Contains("考场签到表", p, StringComparison.Ordinal);
            Assert.Contains("考生签名", p, StringComparison.Ordinal);
        });
        Assert.Contains("第3页/共3页", pages[2].Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.All(sheet.Rows, r => Assert.Contains(r.AdmissionTicketNo, pages[(r.SeatNo - 1) / SignInSheetPdfRenderer.RowsPerPage], StringComparison.Ordinal));
        Assert.Contains("应到人数：20", pages[2].Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void SignInSheet_Should_StartANewSheetPerRoomSession_When_SeveralSessions()
    {
        var pdf = new SignInSheetPdfRenderer().Render([AnExamDayDocument.Sheet(3), AnExamDayDocument.Sheet(10)]);

        Assert.Equal(3, PdfText.PageCount(pdf));
    }

    private static int CountImages(byte[] pdf) =>
        System.Text.RegularExpressions.Regex.Count(System.Text.Encoding.Latin1.GetString(pdf), @"/Subtype\s*/Image");
}
