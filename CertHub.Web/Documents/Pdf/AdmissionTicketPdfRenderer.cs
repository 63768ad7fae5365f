using System.Globalization;
using CertHub.Core.CheckIn;
using CertHub.Core.Common;
using CertHub.Core.Scheduling;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace CertHub.Web.Documents.Pdf;

/// <summary>
/// 准考证 (manual 5.2.8.2 导出准考证), one A4 page per ticket: the plan, the title, the candidate's details (学生姓名, 性别,
/// masked 身份证号, 学生编号, 准考证号, 所属院校, 考核站点, 考点地址) beside the photo, a QR code (the signed 签到码 of the
/// ticket's seat when a signer is given, else the 准考证号), the table of
/// 考试证书/考试科目/考试方式/考试时间/考场名称/座位号 and the 考试须知. A ticket with several subjects seated in different
/// room sessions gets a 签到码 column instead: each line's own seat, so every 考场 can scan its line.
/// </summary>
public sealed class AdmissionTicketPdfRenderer
{
    private const double Left = 44;
    private const double Width = PdfKit.A4Width - (2 * Left);
    private const double PhotoX = 437;
    private const double PhotoY = 118;
    private const double PhotoWidth = 106;
    private const double PhotoHeight = 148;
    private const double LineQrSize = 50;
    private static readonly (string Header, double Width)[] Columns =
        [("考试证书", 142), ("考试科目", 88), ("考试方式", 50), ("考试时间", 106), ("考场名称", 80), ("座位号", 41)];

    private static readonly (string Header, double Width)[] ColumnsWithQr =
        [("考试证书", 116), ("考试科目", 80), ("考试方式", 46), ("考试时间", 100), ("考场名称", 72), ("座位号", 35), ("签到码", 58)];

    private readonly XFont _title = PdfKit.Font(26, bold: true);
    private readonly XFont _plan = PdfKit.Font(11);
    private readonly XFont _label = PdfKit.Font(10.5);
    private readonly XFont _value = PdfKit.Font(10.5, bold: true);
    private readonly XFont _cell = PdfKit.Font(9);
    private readonly XFont _cellHeader = PdfKit.Font(9.5, bold: true);
    private readonly XFont _section = PdfKit.Font(12, bold: true);
    private readonly XFont _notice = PdfKit.Font(9.5);
    private readonly XFont _small = PdfKit.Font(8);

    /// <summary>
    /// One PDF with a page per ticket (an empty list gives no document); <paramref name="sign"/> turns a seat into its signed
    /// 签到码 (without it the QR carries the 准考证号).
    /// </summary>
    public byte[] Render(IReadOnlyList<AdmissionTicket> tickets, Func<CheckInTicket, string>? sign = null)
    {
        ArgumentNullException.ThrowIfNull(tickets);
        DomainRuleException.ThrowIf(tickets.Count == 0, "没有可导出的准考证");
        using var pdf = new PdfDocument();
        pdf.Info.Title = "准考证";
        pdf.Info.Creator = "CertHub";
        using var images = new PdfImageCache();
        foreach (var ticket in tickets)
        {
            var page = PdfKit.AddA4(pdf);
            using var gfx = XGraphics.FromPdfPage(page);
            Draw(gfx, ticket, images, sign);
        }

        return PdfKit.Save(pdf);
    }

    /// <summary>Several room sessions on one ticket: a 签到码 per line (each line's seat) instead of one under the photo.</summary>
    private static bool QrPerLine(AdmissionTicket ticket, Func<CheckInTicket, string>? sign) =>
        sign is not null && ticket.Lines.Count > 1 && ticket.Lines.All(l => l.CheckIn is not null)
        && ticket.Lines.Select(l => l.CheckIn!.RoomSessionId).Distinct().Count() > 1;

    private void Draw(XGraphics gfx, AdmissionTicket ticket, PdfImageCache images, Func<CheckInTicket, string>? sign)
    {
        var ink = new XSolidBrush(PdfKit.Ink);
        var muted = new XSolidBrush(PdfKit.Muted);
        gfx.DrawRectangle(new XPen(PdfKit.Accent, 1.2), 28, 28, PdfKit.A4Width - 56, PdfKit.A4Height - 56);
        PdfKit.DrawWrapped(gfx, ticket.PlanName, _plan, muted, new XRect(Left, 42, Width, 18), XStringFormats.Center);
        gfx.DrawString("准 考 证", _title, new XSolidBrush(PdfKit.Accent), new XRect(Left, 62, Width, 36), XStringFormats.Center);
        gfx.DrawLine(new XPen(PdfKit.Accent, 0.8), Left, 106, Left + Width, 106);

        var y = DrawDetails(gfx, ticket, ink, muted);
        images.DrawPhoto(gfx, ticket.Photo, _small, PhotoX, PhotoY, PhotoWidth, PhotoHeight);
        gfx.DrawRectangle(new XPen(PdfKit.Line, 0.6), PhotoX, PhotoY, PhotoWidth, PhotoHeight);
        var perLine = QrPerLine(ticket, sign);
        if (perLine)
        {
            PdfKit.DrawWrapped(gfx, $"本证含{ticket.Lines.Count}个考试科目，各科考场签到二维码见下表", _small, muted,
                new XRect(PhotoX, PhotoY + PhotoHeight + 10, PhotoWidth, 40), XStringFormats.Center);
        }
        else
        {
            var qr = sign is not null && ticket.CheckIn is { } seat ? sign(seat) : null;
            PdfKit.DrawQrCode(gfx, qr ?? ticket.AdmissionTicketNo, PhotoX + 18, PhotoY + PhotoHeight + 10, 70);
            gfx.DrawString(qr is null ? "准考证号二维码" : "考场签到二维码", _small, muted, new XRect(PhotoX, PhotoY + PhotoHeight + 82, PhotoWidth, 12), XStringFormats.Center);
        }

        y = Math.Max(y, PhotoY + PhotoHeight + (perLine ? 54 : 104)) + 10;
        y = DrawTable(gfx, ticket, y, ink, perLine ? sign : null);
        DrawNotice(gfx, y + 22, ink);
        gfx.DrawString("请妥善保管本准考证，考试时与有效身份证件一并出示。", _small, muted,
            new XRect(Left, PdfKit.A4Height - 52, Width, 12), XStringFormats.Center);
    }

    /// <summary>The label/value rows left of the photo; returns where they end.</summary>
    private double DrawDetails(XGraphics gfx, AdmissionTicket ticket, XBrush ink, XBrush muted)
    {
        const double labelWidth = 64;
        const double valueX = Left + labelWidth + 6;
        const double valueWidth = PhotoX - valueX - 14;
        var y = PhotoY;
        gfx.DrawString("学生姓名：", _label, muted, new XRect(Left, y, labelWidth, 22), XStringFormats.CenterRight);
        gfx.DrawString(ticket.CandidateName, _value, ink, new XRect(valueX, y, 150, 22), XStringFormats.CenterLeft);
        gfx.DrawString("性别：", _label, muted, new XRect(valueX + 150, y, 40, 22), XStringFormats.CenterRight);
        gfx.DrawString(ticket.GenderText, _value, ink, new XRect(valueX + 194, y, 60, 22), XStringFormats.CenterLeft);
        y += 24;
        foreach (var (label, value) in new[]
        {
            ("身份证号", ticket.MaskedIdNumber),
            ("学生编号", ticket.CandidateNo),
            ("准考证号", ticket.AdmissionTicketNo),
            ("所属院校", ticket.SchoolName),
            ("考核站点", ticket.SiteName),
            ("考点地址", ticket.SiteAddress),
        })
        {
            var height = Math.Max(22, PdfKit.WrappedHeight(gfx, value, _value, valueWidth) + 6);
            gfx.DrawString(label + "：", _label, muted, new XRect(Left, y, labelWidth, 22), XStringFormats.CenterRight);
            PdfKit.DrawWrapped(gfx, value, _value, ink, new XRect(valueX, y, valueWidth, height));
            y += height + 2;
        }

        return y;
    }

    /// <summary>The 考试科目 table; returns where it ends.</summary>
    private double DrawTable(XGraphics gfx, AdmissionTicket ticket, double y, XBrush ink, Func<CheckInTicket, string>? lineQr)
    {
        var pen = new XPen(PdfKit.Line, 0.6);
        var columns = lineQr is null ? Columns : ColumnsWithQr;
        var textColumns = Columns.Length;
        var x = Left;
        foreach (var (header, width) in columns)
        {
            gfx.DrawRectangle(pen, new XSolidBrush(PdfKit.Shade), x, y, width, 24);
            gfx.DrawString(header, _cellHeader, ink, new XRect(x, y, width, 24), XStringFormats.Center);
            x += width;
        }

        y += 24;
        foreach (var line in ticket.Lines)
        {
            string[] values =
            [
                line.CertificateName, line.SubjectName, line.ExamMode.ToDisplayName(), line.ExamTimeText, line.RoomName,
                line.SeatNo.ToString(CultureInfo.InvariantCulture),
            ];
            var height = Math.Max(lineQr is null ? 24 : LineQrSize + 8,
                columns.Take(textColumns).Select((c, i) => PdfKit.WrappedHeight(gfx, values[i], _cell, c.Width - 8)).Max() + 8);
            x = Left;
            for (var i = 0; i < textColumns; i++)
            {
                var width = columns[i].Width;
                gfx.DrawRectangle(pen, x, y, width, height);
                PdfKit.DrawWrapped(gfx, values[i], _cell, ink, new XRect(x + 4, y, width - 8, height), XStringFormats.Center);
                x += width;
            }

            if (lineQr is not null)
            {
                var width = columns[textColumns].Width;
                gfx.DrawRectangle(pen, x, y, width, height);
                PdfKit.DrawQrCode(gfx, lineQr(line.CheckIn!), x + ((width - LineQrSize) / 2), y + ((height - LineQrSize) / 2), LineQrSize);
            }

            y += height;
        }

        return y;
    }

    private void DrawNotice(XGraphics gfx, double y, XBrush ink)
    {
        gfx.DrawString("考试须知", _section, new XSolidBrush(PdfKit.Accent), new XRect(Left, y, Width, 18), XStringFormats.CenterLeft);
        y += 24;
        var number = 1;
        foreach (var line in AdmissionTicketNotice.Lines)
        {
            var prefix = $"{number++}. ";
            var height = PdfKit.WrappedHeight(gfx, line, _notice, Width - 16);
            gfx.DrawString(prefix, _notice, ink, new XRect(Left, y, 16, _notice.Size * 1.25), XStringFormats.CenterLeft);
            PdfKit.DrawWrapped(gfx, line, _notice, ink, new XRect(Left + 16, y, Width - 16, height));
            y += height + 4;
        }
    }
}
