using System.Globalization;
using CertHub.Core.Common;
using CertHub.Core.Imports;

namespace CertHub.Core.Scores.Import;

/// <summary>
/// One score row as submitted, from the xlsx template (准考证号, 考生编号, 姓名, 科目编号, 成绩) or the organisation API:
/// plain text, checked by <see cref="ScoreRowValidator"/>. <paramref name="RowNumber"/> is the sheet row (header = 1) or the
/// 1-based position in an API request.
/// </summary>
public sealed record ScoreImportRow(int RowNumber, string? AdmissionTicketNo, string? CandidateNo, string? Name, string? SubjectCode, string? Score)
{
    public bool IsEmpty =>
        string.IsNullOrWhiteSpace(AdmissionTicketNo) && string.IsNullOrWhiteSpace(CandidateNo) && string.IsNullOrWhiteSpace(Name)
        && string.IsNullOrWhiteSpace(SubjectCode) && string.IsNullOrWhiteSpace(Score);

    /// <summary>The cells in template order (for the failed-rows file).</summary>
    public IReadOnlyList<string?> Cells => [AdmissionTicketNo, CandidateNo, Name, SubjectCode, Score];
}

/// <summary>A refused row and why.</summary>
public sealed record ScoreRowFailure(ScoreImportRow Row, string Reason)
{
    public ImportRowError Error => new(Row.RowNumber, Reason);
}

/// <summary>What happened to one good row: a new score, a changed score, or the same score again (no-op).</summary>
public enum ScoreRowOutcome
{
    Recorded,
    Changed,
    Unchanged,
}

/// <summary>
/// What applying rows did: counts per outcome, the refused rows (in row order), and the outcome of every good row (keyed by
/// row number, for a per-row API response).
/// </summary>
public sealed record ScoreRowsResult(int Recorded, int Changed, int Unchanged, IReadOnlyList<ScoreRowFailure> Failures, IReadOnlyDictionary<int, ScoreRowOutcome> Outcomes)
{
    public int Succeeded => Recorded + Changed + Unchanged;
}

/// <summary>What the xlsx import did: the rows' result, the 导入记录 and its failed-rows file.</summary>
public sealed record ScoreImportResult(ScoreRowsResult Rows, int ImportRecordId, string? FailedRowsPath)
{
    public const int ReportedErrors = 200;

    public IReadOnlyList<ImportRowError> Errors => [.. Rows.Failures.Take(ReportedErrors).Select(f => f.Error)];
}

/// <summary>A seat of the plan as the import matches rows against it: who sat which subject with which 准考证号.</summary>
public sealed record ScoreSeat(int RegistrationId, int CandidateId, int SchoolId, string AdmissionTicketNo, string CandidateNo, string Name,
    int SubjectId, string SubjectCode, decimal FullMark, decimal PassMark);

/// <summary>A checked row: the seat it belongs to and the score (null when 缺考).</summary>
public sealed record ValidScoreRow(ScoreSeat Seat, decimal? Score, bool IsAbsent);

/// <summary>
/// 成绩导入 row rules, shared by the xlsx import and the organisation API: every column filled; the 准考证号 is a seat of that
/// subject (科目编号) in the plan, and the 考生编号 and 姓名 match that seat; the 成绩 is “缺考” or a number within 0..满分 with at
/// most one decimal (<see cref="SubjectScore.EnsureValid"/>); a candidate + subject appears once per file.
/// </summary>
public sealed class ScoreRowValidator
{
    public const string AbsentMark = "缺考";

    private readonly ILookup<string, ScoreSeat> _seatsByTicket;
    private readonly HashSet<(int RegistrationId, int SubjectId)> _seen = [];

    public ScoreRowValidator(IEnumerable<ScoreSeat> seats)
    {
        ArgumentNullException.ThrowIfNull(seats);
        _seatsByTicket = seats.ToLookup(s => s.AdmissionTicketNo, StringComparer.Ordinal);
    }

    public (ValidScoreRow? Valid, string? Reason) Validate(ScoreImportRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var missing = new[]
        {
            ("准考证号", row.AdmissionTicketNo), ("考生编号", row.CandidateNo), ("姓名", row.Name), ("科目编号", row.SubjectCode), ("成绩", row.Score),
        }.Where(c => string.IsNullOrWhiteSpace(c.Item2)).Select(c => c.Item1).ToList();
        if (missing.Count > 0)
        {
            return (null, $"{string.Join("、", missing)}不能为空");
        }

        var ticket = row.AdmissionTicketNo!.Trim();
        var seats = _seatsByTicket[ticket].ToList();
        if (seats.Count == 0)
        {
            return (null, "准考证号不存在或不属于该考试计划");
        }

        var seat = seats.FirstOrDefault(s => string.Equals(s.SubjectCode, row.SubjectCode!.Trim(), StringComparison.OrdinalIgnoreCase));
        if (seat is null)
        {
            return (null, "该考生未参加该科目的考试（准考证号与科目编号不对应）");
        }

        if (!string.Equals(seat.CandidateNo, row.CandidateNo!.Trim(), StringComparison.Ordinal))
        {
            return (null, "考生编号与准考证号不一致");
        }

        if (!string.Equals(seat.Name, row.Name!.Trim(), StringComparison.Ordinal))
        {
            return (null, "姓名与准考证号不一致");
        }

        var (score, absent, reason) = ParseScore(row.Score!, seat.FullMark);
        if (reason is not null)
        {
            return (null, reason);
        }

        if (!_seen.Add((seat.RegistrationId, seat.SubjectId)))
        {
            return (null, "文件中该考生该科目的成绩重复");
        }

        return (new ValidScoreRow(seat, score, absent), null);
    }

    /// <summary>“缺考”, or a number in 0..满分 with at most one decimal.</summary>
    public static (decimal? Score, bool IsAbsent, string? Reason) ParseScore(string text, decimal fullMark)
    {
        var value = (text ?? "").Trim();
        if (value == AbsentMark)
        {
            return (null, true, null);
        }

        if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var score))
        {
            return (null, false, $"成绩应为数字或“{AbsentMark}”");
        }

        try
        {
            SubjectScore.EnsureValid(score, false, fullMark);
            return (score, false, null);
        }
        catch (DomainRuleException ex)
        {
            return (null, false, ex.Message);
        }
    }
}
