using System.Globalization;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Imports;

namespace CertHub.Core.Candidates.Import;

/// <summary>
/// Checks one import row at a time (pure: the majors catalogue and the school's existing ID numbers are handed in):
/// missing fields, ID check digit (15-digit legacy numbers refused), 已存在 in the school (or, when updating, not found),
/// duplicates within the file, unknown major, bad phone, bad year. All problems of a row are joined into one reason.
/// </summary>
public sealed class CandidateImportRowValidator(
    IReadOnlyDictionary<string, MajorOption> majorsByName,
    IReadOnlySet<string> existingIdNumbers,
    CandidateImportMode mode,
    int currentYear)
{
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

    /// <summary>The parsed row, or the reason it was rejected.</summary>
    public (ValidCandidateRow? Row, string? Reason) Validate(CandidateImportRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var reasons = new List<string>();
        var name = Required(row.Name, CandidateImportTemplate.Name, reasons);
        if (name is { Length: > Candidate.NameMaxLength })
        {
            reasons.Add($"姓名不能超过{Candidate.NameMaxLength}个字符");
        }

        var pinyin = row.Pinyin?.Trim();
        if (pinyin is { Length: > Candidate.PinyinMaxLength })
        {
            reasons.Add($"姓名拼音不能超过{Candidate.PinyinMaxLength}个字符");
        }

        var type = ParseEnum<CandidateType>(row.CandidateType, CandidateImportTemplate.CandidateType, reasons);
        var idType = ParseEnum<IdType>(row.IdType, CandidateImportTemplate.IdType, reasons);
        var idNumber = CheckIdNumber(idType, Required(row.IdNumber, CandidateImportTemplate.IdNumber, reasons), row.RowNumber, reasons);
        var phone = row.Phone?.Trim();
        if (!string.IsNullOrEmpty(phone) && !MobilePhone.IsValid(phone))
        {
            reasons.Add("手机号应为11位手机号码");
        }

        var schoolCandidate = type == CandidateType.SchoolCandidate;
        var major = CheckMajor(row.Major, schoolCandidate, reasons);
        var level = string.IsNullOrWhiteSpace(row.MajorLevel) ? major?.Level : ParseEnum<MajorLevel>(row.MajorLevel, CandidateImportTemplate.MajorLevel, reasons);
        if (schoolCandidate && level is null && string.IsNullOrWhiteSpace(row.MajorLevel) && major is null)
        {
            reasons.Add("专业层次不能为空");
        }

        var year = CheckYear(row.EnrollmentYear, schoolCandidate, reasons);
        if (reasons.Count > 0 || name is null || idNumber is null || type is null || idType is null)
        {
            return (null, string.Join("；", reasons.Distinct()));
        }

        var details = new CandidateDetails(name, string.IsNullOrEmpty(pinyin) ? null : pinyin, idType.Value, idNumber,
            Phone: string.IsNullOrEmpty(phone) ? null : phone, MajorId: major?.Id, MajorLevel: level, EnrollmentYear: year);
        return (new ValidCandidateRow(row.RowNumber, type.Value, details), null);
    }

    private string? CheckIdNumber(IdType? idType, string? text, int rowNumber, List<string> reasons)
    {
        if (text is null || idType is null)
        {
            return null;
        }

        var value = text.ToUpperInvariant();
        if (idType == IdType.ResidentIdCard)
        {
            if (value.Length == 15 && value.All(char.IsAsciiDigit))
            {
                reasons.Add("不支持15位旧身份证号码，请使用18位身份证号码");
                return null;
            }

            if (!IdNumber.TryParse(value, out var parsed, out var error))
            {
                reasons.Add(error);
                return null;
            }

            value = parsed.Value;
        }
        else if (value.Length > Candidate.IdNumberMaxLength || !value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            reasons.Add("证件号码只能包含字母、数字和-");
            return null;
        }

        if (_seen.TryGetValue(value, out var first))
        {
            reasons.Add($"与第{first}行的证件号码重复");
            return null;
        }

        _seen[value] = rowNumber;
        var exists = existingIdNumbers.Contains(value);
        if (mode == CandidateImportMode.Create && exists)
        {
            reasons.Add(CandidateMessages.IdExists);
        }
        else if (mode == CandidateImportMode.Update && !exists)
        {
            reasons.Add("未找到该证件号码的考生");
        }

        return value;
    }

    private MajorOption? CheckMajor(string? text, bool required, List<string> reasons)
    {
        var name = text?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            if (required)
            {
                reasons.Add("就读专业不能为空");
            }

            return null;
        }

        if (majorsByName.TryGetValue(name, out var major))
        {
            return major;
        }

        reasons.Add($"就读专业“{name}”不在专业目录中");
        return null;
    }

    private int? CheckYear(string? text, bool required, List<string> reasons)
    {
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            if (required)
            {
                reasons.Add("入学年份不能为空");
            }

            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 1950 && year <= currentYear + 1)
        {
            return year;
        }

        reasons.Add("入学年份不正确");
        return null;
    }

    private static string? Required(string? value, string field, List<string> reasons) => ImportCells.Required(value, field, reasons);

    private static TEnum? ParseEnum<TEnum>(string? text, string field, List<string> reasons) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            reasons.Add($"{field}不能为空");
            return null;
        }

        var value = EnumDisplay.FromDisplayName<TEnum>(text);
        if (value is null)
        {
            reasons.Add($"{field}“{text.Trim()}”不正确");
        }

        return value;
    }
}
