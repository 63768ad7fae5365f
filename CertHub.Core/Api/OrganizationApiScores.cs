using System.Globalization;
using CertHub.Core.Audit;
using CertHub.Core.Common;
using CertHub.Core.Exams;
using CertHub.Core.Scores;
using CertHub.Core.Scores.Import;
using Microsoft.EntityFrameworkCore;

namespace CertHub.Core.Api;

/// <summary>
/// POST /api/v1/plans/{planId}/scores: a bulk of rows ({ticketNo | candidateNo, subjectCode, score | absent}) turned into the
/// xlsx import's rows and applied by <see cref="ScoreService.ApplyRowsAsync(int, IEnumerable{ScoreImportRow}, CancellationToken)"/> — the same rules (成绩登记时间, seat of that
/// subject, 0..满分 with one decimal, once per request), idempotent on retry (the same score again is "unchanged"). A row
/// naming only the 考生编号 is matched to that candidate's seat in the subject. One audit entry per request.
/// </summary>
public sealed class OrganizationApiScores(ICertHubDbFactory dbFactory, ICurrentUser currentUser, ScoreService scores, IAuditLog audit)
{
    public const int MaxRows = 100_000;

    public const string Recorded = "recorded";
    public const string Changed = "changed";
    public const string Unchanged = "unchanged";
    public const string Failed = "failed";

    /// <summary>Applies the rows; null when the plan is not the caller's. Refuses the whole request (DomainRuleException) outside the 成绩登记时间.</summary>
    public async Task<ApiScoreSubmission?> SubmitAsync(int planId, IReadOnlyList<ApiScoreRow?> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var organizationId = currentUser.IsOrganization() && currentUser.OrganizationId is int id
            ? id : throw new DomainRuleException("只有培训评价组织可以登记成绩");
        DomainRuleException.ThrowIf(rows.Count == 0, "请至少提交一行成绩");
        DomainRuleException.ThrowIf(rows.Count > MaxRows, $"每次最多提交{MaxRows}行成绩");
        List<ScoreSeat> seats;
        await using (var db = await dbFactory.CreateAsync(ct))
        {
            if (!await db.Set<ExamPlan>().AnyAsync(p => p.Id == planId && p.OrganizationId == organizationId, ct))
            {
                return null;
            }

            seats = await ScoreService.SeatsAsync(db, planId, ct);
        }

        var byCandidate = seats.ToLookup(s => (s.CandidateNo, s.SubjectCode.ToUpperInvariant()));
        var byTicket = seats.ToLookup(s => (s.AdmissionTicketNo, s.SubjectCode.ToUpperInvariant()));
        var results = new ApiScoreRowResult?[rows.Count];
        var importRows = new List<ScoreImportRow>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var (importRow, error) = ToImportRow(i + 1, rows[i], byTicket, byCandidate);
            if (importRow is null)
            {
                results[i] = new ApiScoreRowResult(i + 1, rows[i]?.TicketNo, rows[i]?.SubjectCode, Failed, error);
            }
            else
            {
                importRows.Add(importRow);
            }
        }

        var applied = importRows.Count == 0 ? null : await scores.ApplyRowsAsync(planId, importRows, seats, ct);
        var failures = applied?.Failures.ToDictionary(f => f.Row.RowNumber, f => f.Reason) ?? [];
        foreach (var row in importRows)
        {
            var i = row.RowNumber - 1;
            results[i] = failures.TryGetValue(row.RowNumber, out var reason)
                ? new ApiScoreRowResult(row.RowNumber, row.AdmissionTicketNo, rows[i]?.SubjectCode, Failed, reason)
                : applied!.Outcomes.TryGetValue(row.RowNumber, out var outcome)
                    ? new ApiScoreRowResult(row.RowNumber, row.AdmissionTicketNo, rows[i]?.SubjectCode, Name(outcome), null)
                    : new ApiScoreRowResult(row.RowNumber, row.AdmissionTicketNo, rows[i]?.SubjectCode, Failed, "该行为空");
        }

        var list = results.Select(r => r!).ToList();
        var submission = new ApiScoreSubmission(
            list.Count(r => r.Status == Recorded), list.Count(r => r.Status == Changed), list.Count(r => r.Status == Unchanged),
            list.Count(r => r.Status == Failed), list);
        await audit.RecordAsync("ExamPlan", planId.ToString(CultureInfo.InvariantCulture), "接口提交成绩",
            $"共{list.Count}行：新增{submission.Recorded}，修改{submission.Changed}，未变{submission.Unchanged}，失败{submission.Failed}", ct);
        return submission;
    }

    private static (ScoreImportRow? Row, string? Error) ToImportRow(
        int number, ApiScoreRow? row, ILookup<(string, string), ScoreSeat> byTicket, ILookup<(string, string), ScoreSeat> byCandidate)
    {
        if (row is null)
        {
            return (null, "该行为空");
        }

        var code = row.SubjectCode?.Trim() ?? "";
        if (code.Length == 0)
        {
            return (null, "科目编号不能为空");
        }

        var ticket = row.TicketNo?.Trim();
        var candidateNo = row.CandidateNo?.Trim();
        ScoreSeat? seat;
        if (!string.IsNullOrEmpty(ticket))
        {
            seat = byTicket[(ticket, code.ToUpperInvariant())].FirstOrDefault();
            if (seat is null)
            {
                // Let the shared rules word the refusal (unknown ticket, or a ticket of another subject).
                return (new ScoreImportRow(number, ticket, candidateNo ?? "-", "-", code, ScoreText(row)), null);
            }

            if (!string.IsNullOrEmpty(candidateNo) && !string.Equals(candidateNo, seat.CandidateNo, StringComparison.Ordinal))
            {
                return (null, "考生编号与准考证号不一致");
            }
        }
        else if (!string.IsNullOrEmpty(candidateNo))
        {
            seat = byCandidate[(candidateNo, code.ToUpperInvariant())].FirstOrDefault();
            if (seat is null)
            {
                return (null, "考生编号不存在或该考生未参加该科目的考试");
            }
        }
        else
        {
            return (null, "准考证号和考生编号不能都为空");
        }

        if (row.Absent == true && row.Score is not null)
        {
            return (null, "缺考的考生不能有成绩");
        }

        return (new ScoreImportRow(number, seat.AdmissionTicketNo, seat.CandidateNo, seat.Name, code, ScoreText(row)), null);
    }

    private static string? ScoreText(ApiScoreRow row) =>
        row.Absent == true ? ScoreRowValidator.AbsentMark : row.Score?.ToString(CultureInfo.InvariantCulture);

    private static string Name(ScoreRowOutcome outcome) => outcome switch
    {
        ScoreRowOutcome.Recorded => Recorded,
        ScoreRowOutcome.Changed => Changed,
        _ => Unchanged,
    };
}
