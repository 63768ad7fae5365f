using System.Globalization;
using CertHub.Core.Common;
using CertHub.Core.Scheduling;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CertHub.Web.Documents.Pdf;

/// <summary>
/// 考场签到表, A4 portrait: per room session a header (plan, room, subject, time, invigilators) and a table with a row per seat
/// (座位号, 照片, 姓名, masked 身份证号, 准考证号, a blank 考生签名 cell), paginated with the header and the table's column
/// titles repeated on every page, page numbers, and the invigilators' confirmation line on the last page.
/// </summary>
public sealed class SignInSheetPdfRenderer
{
    public const int RowsPerPage = 9;
    private const double Left = 40;
    private const double Width = PdfKit.A4Width - (2 * Left);
    private const double HeaderRowHeight = 24;
    private const double RowHeight = 66;
    private static readonly (string Header, double Width)[] Columns =
        [("座位号", 42), ("照片", 54), ("姓名", 72), ("身份证号", 92), ("准考证号", 152), ("考生签名", 103)];

    private readonly XFont _title = PdfKit.Font(18, bold: true);
    private readonly XFont _info = PdfKit.Font(9.5);
    private readonly XFont _cellHeader = PdfKit.Font(10, bold: true);
    private readonly XFont _cell = PdfKit.Font(9.5);
    private readonly XFont _name = PdfKit.Font(11, bold: true);
    private readonly XFont _small = PdfKit.Font(8);

    public byte[] Render(IReadOnlyList<SignInSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        DomainRuleException.ThrowIf(sheets.Count == 0, "没有可下载的考场签到表");
        using var pdf = new PdfDocument();
        pdf.Info.Title = "考场签到表";
        pdf.Info.Creator = "CertHub";
        using var images = new PdfImageCache();
        foreach (var sheet in sheets)
        {
            var pages = sheet.Rows.Count == 0 ? [[]] : sheet.Rows.Chunk(RowsPerPage).ToArray();
            for (var index = 0; index < pages.Length; index++)
            {
                var page = PdfKit.AddA4(pdf);
                using var gfx = XGraphics.FromPdfPage(page);
                var y = DrawHeader(gfx, sheet);
                y = DrawRows(gfx, pages[index], images, y);
                DrawFooter(gfx, sheet, index + 1, pages.Length, y);
            }
        }

        return PdfKit.Save(pdf);
    }

    private double DrawHeader(XGraphics gfx, SignInSheet sheet)
    {
        var room = sheet.Room;
        var ink = new XSolidBrush(PdfKit.Ink);
        gfx.DrawString("考场签到表", _title, new XSolidBrush(PdfKit.Accent), new XRect(Left, 34, Width, 28), XStringFormats.Center);
        var y = 70.0;
        var invigilators = room.Invigilators.Count == 0 ? "未安排" : string.Join("、", room.Invigilators.Select(i => i.NameWithNo));
        foreach (var line in new[]
        {
            $"考试计划：{room.PlanName}",
            $"考核站点：{room.SiteName}",
            $"考场名称：{room.RoomName}　　考场地址：{room.RoomAddress}",
            $"考试证书：{room.CertificateText}　　考试科目：{room.SubjectName}（{room.ExamMode.ToDisplayName()}）",
            $"考试时间：{room.ExamTimeText}　　考生人数：{sheet.Rows.Count}人　　监考人员：{invigilators}",
        })
        {
            y += PdfKit.DrawWrapped(gfx, line, _info, ink, new XRect(Left, y, Width, 14)) + 2;
        }

        y += 6;
        var x = Left;
        var pen = new XPen(PdfKit.Line, 0.6);
        foreach (var (header, width) in Columns)
        {
            gfx.DrawRectangle(pen, new XSolidBrush(PdfKit.Shade), x, y, width, HeaderRowHeight);
            gfx.DrawString(header, _cellHeader, ink, new XRect(x, y, width, HeaderRowHeight), XStringFormats.Center);
            x += width;
        }

        return y + HeaderRowHeight;
    }

    private double DrawRows(XGraphics gfx, IReadOnlyList<SignInRow> rows, PdfImageCache images, double y)
    {
        var ink = new XSolidBrush(PdfKit.Ink);
        var pen = new XPen(PdfKit.Line, 0.6);
        foreach (var row in rows)
        {
            var x = Left;
            foreach (var (_, width) in Columns)
            {
                gfx.DrawRectangle(pen, x, y, width, RowHeight);
                x += width;
            }

            x = Left;
            gfx.DrawString(row.SeatNo.ToString(CultureInfo.InvariantCulture), _name, ink, new XRect(x, y, Columns[0].Width, RowHeight), XStringFormats.Center);
            x += Columns[0].Width;
            images.DrawPhoto(gfx, row.Photo, _small, x + 5, y + 3, Columns[1].Width - 10, RowHeight - 6);
            x += Columns[1].Width;
            PdfKit.DrawWrapped(gfx, row.CandidateName, _name, ink, new XRect(x + 4, y, Columns[2].Width - 8, RowHeight), XStringFormats.Center);
            x += Columns[2].Width;
            gfx.DrawString(row.MaskedIdNumber, _cell, ink, new XRect(x, y, Columns[3].Width, RowHeight), XStringFormats.Center);
            x += Columns[3].Width;
            PdfKit.DrawWrapped(gfx, row.AdmissionTicketNo, _cell, ink, new XRect(x + 4, y, Columns[4].Width - 8, RowHeight), XStringFormats.Center);
            x += Columns[4].Width;
            if (row.AttendanceText is { } attendance)
            {
                gfx.DrawString(attendance, _small, new XSolidBrush(PdfKit.Muted), new XRect(x + 4, y + 3, Columns[5].Width - 8, 12), XStringFormats.TopLeft);
            }

            y += RowHeight;
        }

        return y;
    }

    private void DrawFooter(XGraphics gfx, SignInSheet sheet, int page, int pages, double y)
    {
        var muted = new XSolidBrush(PdfKit.Muted);
        if (page == pages)
        {
            var present = sheet.PresentCount?.ToString(CultureInfo.InvariantCulture) ?? "________";
            var absent = sheet.AbsentCount?.ToString(CultureInfo.InvariantCulture) ?? "________";
            var line = $"应到人数：{sheet.Rows.Count}　　实到人数：{present}　　缺考人数：{absent}　　监考人员签名：______________";
            gfx.DrawString(line, _info, new XSolidBrush(PdfKit.Ink), new XRect(Left, y + 14, Width, 18), XStringFormats.CenterLeft);
        }

        gfx.DrawString($"{sheet.Room.RoomName}　{sheet.Room.SubjectName}　第 {page} 页 / 共 {pages} 页", _small, muted,
            new XRect(Left, PdfKit.A4Height - 40, Width, 12), XStringFormats.Center);
    }
}
