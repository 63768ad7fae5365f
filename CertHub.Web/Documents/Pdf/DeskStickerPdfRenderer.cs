using System.Globalization;
using CertHub.Core.Common;
using CertHub.Core.Scheduling;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CertHub.Web.Documents.Pdf;

/// <summary>
/// 考场桌贴: eight stickers per A4 page (2 × 4, dashed cutting lines), each with the seat number in large type, the
/// candidate's name, 准考证号, masked 身份证号 and photo, and the room, subject and time.
/// </summary>
public sealed class DeskStickerPdfRenderer
{
    public const int Columns = 2;
    public const int Rows = 4;
    public const int PerPage = Columns * Rows;
    private const double Margin = 28;
    private const double Gap = 10;
    private const double CellWidth = (PdfKit.A4Width - (2 * Margin) - ((Columns - 1) * Gap)) / Columns;
    private const double CellHeight = (PdfKit.A4Height - (2 * Margin) - ((Rows - 1) * Gap)) / Rows;
    private const double PhotoWidth = 84;
    private const double PhotoHeight = 118;

    private readonly XFont _seatLabel = PdfKit.Font(10);
    private readonly XFont _seat = PdfKit.Font(34, bold: true);
    private readonly XFont _name = PdfKit.Font(17, bold: true);
    private readonly XFont _field = PdfKit.Font(9);
    private readonly XFont _fieldBold = PdfKit.Font(9.5, bold: true);
    private readonly XFont _small = PdfKit.Font(8);

    public byte[] Render(IReadOnlyList<DeskSticker> stickers)
    {
        ArgumentNullException.ThrowIfNull(stickers);
        DomainRuleException.ThrowIf(stickers.Count == 0, "没有可下载的考场桌贴");
        using var pdf = new PdfDocument();
        pdf.Info.Title = "考场桌贴";
        pdf.Info.Creator = "CertHub";
        using var images = new PdfImageCache();
        foreach (var chunk in stickers.Chunk(PerPage))
        {
            var page = PdfKit.AddA4(pdf);
            using var gfx = XGraphics.FromPdfPage(page);
            for (var i = 0; i < chunk.Length; i++)
            {
                var x = Margin + (i % Columns * (CellWidth + Gap));
                var y = Margin + (i / Columns * (CellHeight + Gap));
                Draw(gfx, chunk[i], images, x, y);
            }
        }

        return PdfKit.Save(pdf);
    }

    private void Draw(XGraphics gfx, DeskSticker sticker, PdfImageCache images, double x, double y)
    {
        var ink = new XSolidBrush(PdfKit.Ink);
        var muted = new XSolidBrush(PdfKit.Muted);
        var accent = new XSolidBrush(PdfKit.Accent);
        gfx.DrawRectangle(new XPen(PdfKit.Line, 0.6) { DashStyle = XDashStyle.Dash }, x, y, CellWidth, CellHeight);
        var inner = x + 12;
        var textWidth = CellWidth - PhotoWidth - 36;
        gfx.DrawString("座位号", _seatLabel, muted, new XRect(inner, y + 10, textWidth, 14), XStringFormats.CenterLeft);
        gfx.DrawString(sticker.SeatNo.ToString("D2", CultureInfo.InvariantCulture), _seat, accent, new XRect(inner, y + 24, textWidth, 42), XStringFormats.CenterLeft);
        PdfKit.DrawWrapped(gfx, sticker.CandidateName, _name, ink, new XRect(inner, y + 70, textWidth, 24));
        gfx.DrawString("准考证号", _field, muted, new XRect(inner, y + 98, textWidth, 13), XStringFormats.CenterLeft);
        PdfKit.DrawWrapped(gfx, sticker.AdmissionTicketNo, _fieldBold, ink, new XRect(inner, y + 111, textWidth, 14));
        gfx.DrawString($"身份证号：{sticker.MaskedIdNumber}", _field, ink, new XRect(inner, y + 128, textWidth, 13), XStringFormats.CenterLeft);

        var photoX = x + CellWidth - PhotoWidth - 12;
        images.DrawPhoto(gfx, sticker.Photo, _small, photoX, y + 12, PhotoWidth, PhotoHeight);
        gfx.DrawRectangle(new XPen(PdfKit.Line, 0.5), photoX, y + 12, PhotoWidth, PhotoHeight);

        var room = sticker.Room;
        var footer = new XRect(inner, y + CellHeight - 40, CellWidth - 24, 30);
        gfx.DrawLine(new XPen(PdfKit.Line, 0.4), inner, footer.Y - 4, x + CellWidth - 12, footer.Y - 4);
        PdfKit.DrawWrapped(gfx, $"{room.RoomName}　{room.SubjectName}　{room.ExamTimeText}", _small, muted, footer);
    }
}
