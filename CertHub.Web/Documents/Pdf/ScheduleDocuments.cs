using CertHub.Core.CheckIn;
using CertHub.Core.Issuance;
using CertHub.Core.Scheduling;

namespace CertHub.Web.Documents.Pdf;

/// <summary>
/// The downloads of 考场编排 (导出准考证, 下载考场门贴, 下载考场桌贴, 下载考场签到表): the documents' models come from
/// <see cref="ScheduleQueries"/>, which checks who may have them, and are rendered to one PDF. The 准考证 QR carries the
/// seat's signed 签到码 and the 门贴 QR the URL of the room session's live roster (考场签到).
/// </summary>
public sealed class ScheduleDocuments(ScheduleQueries queries, CheckInTokenSigner signer, CheckInOptions checkIn)
{
    public const string PdfType = "application/pdf";

    /// <summary>导出准考证: one PDF with a page per candidate of the given room sessions.</summary>
    public async Task<DownloadFile> AdmissionTicketsAsync(IReadOnlyCollection<int> roomSessionIds, string name, CancellationToken ct)
    {
        var tickets = await queries.AdmissionTicketsAsync(roomSessionIds, ct);
        return File("准考证", name, new AdmissionTicketPdfRenderer().Render(tickets, signer.Sign));
    }

    public async Task<DownloadFile> DoorStickersAsync(IReadOnlyCollection<int> roomSessionIds, string name, CancellationToken ct) =>
        File("考场门贴", name, new DoorStickerPdfRenderer().Render(await queries.DoorStickersAsync(roomSessionIds, ct),
            s => s.RoomSessionId > 0 ? CertHub.Web.CheckIn.CheckInSetup.RosterUrl(checkIn, s.RoomSessionId) : null));

    public async Task<DownloadFile> DeskStickersAsync(IReadOnlyCollection<int> roomSessionIds, string name, CancellationToken ct) =>
        File("考场桌贴", name, new DeskStickerPdfRenderer().Render(await queries.DeskStickersAsync(roomSessionIds, ct)));

    public async Task<DownloadFile> SignInSheetsAsync(IReadOnlyCollection<int> roomSessionIds, string name, CancellationToken ct) =>
        File("考场签到表", name, new SignInSheetPdfRenderer().Render(await queries.SignInSheetsAsync(roomSessionIds, ct)));

    private static DownloadFile File(string kind, string name, byte[] content) =>
        new($"{kind}_{Safe(name)}.pdf", PdfType, content);

    /// <summary>A file name without characters browsers or file systems refuse.</summary>
    private static string Safe(string name) =>
        string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c is ':' or '*' or '?' or '"' or '<' or '>' or '|' or '\\' or '/' ? '_' : c));
}
