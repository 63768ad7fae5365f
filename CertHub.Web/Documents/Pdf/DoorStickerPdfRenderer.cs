using CertHub.Core.Common;
using CertHub.Core.Scheduling;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CertHub.Web.Documents.Pdf;

/// <summary>
/// 考场门贴, one A4 landscape page per room session, readable from a distance: the room name in large type, the subject,
/// the exam time, the seat range and the number of candidates, then the plan, site, address and invigilators; with a roster
/// URL, a QR code in the lower right corner opens the live 考场签到 roster of the session.
/// </summary>
public sealed class DoorStickerPdfRenderer
{
    private const double Width = 842;
    private const double Height = 595;
    private const double Left = 50;
    private const double ContentWidth = Width - (2 * Left);

    private readonly XFont _plan = PdfKit.Font(15);
    private readonly XFont _room = PdfKit.Font(60, bold: true);
    private readonly XFont _subject = PdfKit.Font(28, bold: true);
    private readonly XFont _certificate = PdfKit.Font(15);
    private readonly XFont _time = PdfKit.Font(24, bold: true);
    private readonly XFont _seats = PdfKit.Font(30, bold: true);
    private readonly XFont _detail = PdfKit.Font(14);
    private readonly XFont _footer = PdfKit.Font(12);

    public byte[] Render(IReadOnlyList<DoorSticker> stickers, Func<DoorSticker, string?>? rosterUrl = null)
    {
        ArgumentNullException.ThrowIfNull(stickers);
        DomainRuleException.ThrowIf(stickers.Count == 0, "没有可下载的考场门贴");
        using var pdf = new PdfDocument();
        pdf.Info.Title = "考场门贴";
        pdf.Info.Creator = "CertHub";
        foreach (var sticker in stickers)
        {
            var page = PdfKit.AddA4(pdf, landscape: true);
            using var gfx = XGraphics.FromPdfPage(page);
            Draw(gfx, sticker);
            if (rosterUrl?.Invoke(sticker) is { Length: > 0 } url)
            {
                PdfKit.DrawQrCode(gfx, url, Width - 150, Height - 165, 96);
                gfx.DrawString("扫码打开考场签到", _footer, new XSolidBrush(PdfKit.Muted), new XRect(Width - 170, Height - 66, 136, 16), XStringFormats.Center);
            }
        }

        return PdfKit.Save(pdf);
    }

    private void Draw(XGraphics gfx, DoorSticker sticker)
    {
        var room = sticker.Room;
        var ink = new XSolidBrush(PdfKit.Ink);
        var accent = new XSolidBrush(PdfKit.Accent);
        var muted = new XSolidBrush(PdfKit.Muted);
        gfx.DrawRectangle(new XPen(PdfKit.Accent, 5), 24, 24, Width - 48, Height - 48);
        var y = 42.0;
        y += PdfKit.DrawWrapped(gfx, room.PlanName, _plan, muted, new XRect(Left, y, ContentWidth, 22), XStringFormats.Center) + 8;
        var roomHeight = Math.Max(80, PdfKit.WrappedHeight(gfx, room.RoomName, _room, ContentWidth, 1.15));
        PdfKit.DrawWrapped(gfx, room.RoomName, _room, accent, new XRect(Left, y, ContentWidth, roomHeight), XStringFormats.Center, 1.15);
        y += roomHeight + 6;
        gfx.DrawLine(new XPen(PdfKit.Accent, 1.2), Left + 120, y, Width - Left - 120, y);
        y += 14;
        y += PdfKit.DrawWrapped(gfx, $"考试科目：{room.SubjectName}（{room.ExamMode.ToDisplayName()}）", _subject, ink,
            new XRect(Left, y, ContentWidth, 38), XStringFormats.Center) + 6;
        y += PdfKit.DrawWrapped(gfx, room.CertificateText, _certificate, muted, new XRect(Left, y, ContentWidth, 22), XStringFormats.Center) + 12;
        gfx.DrawString($"考试时间：{room.ExamTimeText}", _time, ink, new XRect(Left, y, ContentWidth, 34), XStringFormats.Center);
        y += 46;
        gfx.DrawRectangle(new XSolidBrush(PdfKit.Shade), Left + 90, y, ContentWidth - 180, 52);
        gfx.DrawString($"座位号：{sticker.SeatRangeText}　　考生人数：{sticker.CandidateCount}人", _seats, accent,
            new XRect(Left + 90, y, ContentWidth - 180, 52), XStringFormats.Center);
        y += 68;
        var invigilators = room.Invigilators.Count == 0 ? "未安排" : string.Join("、", room.Invigilators.Select(i => i.NameWithNo));
        foreach (var line in new[] { $"考核站点：{room.SiteName}", $"考场地址：{room.RoomAddress}", $"监考人员：{invigilators}" })
        {
            y += PdfKit.DrawWrapped(gfx, line, _detail, ink, new XRect(Left + 90, y, ContentWidth - 180, 20)) + 4;
        }

        gfx.DrawString("请考生核对考场、座位号后凭准考证和身份证件入场", _footer, muted, new XRect(Left, Height - 62, ContentWidth, 18), XStringFormats.Center);
    }
}
