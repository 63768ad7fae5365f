using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using CertHub.Core.Common;

namespace CertHub.Core.Candidates;

/// <summary>
/// 居民身份证号码 (GB 11643-1999): 6-digit region code, 8-digit birth date, 3-digit sequence (odd = 男, even = 女)
/// and a MOD 11-2 check digit (0-9 or X). Parsing validates all four.
/// </summary>
public sealed record IdNumber
{
    public const int Length = 18;

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>The 2-digit province prefixes of GB/T 2260 (incl. 71 台湾, 81 香港, 82 澳门).</summary>
    private static readonly HashSet<string> ProvincePrefixes =
    [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
        "71", "81", "82",
    ];

    private IdNumber(string value, DateOnly birthDate, Gender gender)
    {
        Value = value;
        BirthDate = birthDate;
        Gender = gender;
    }

    /// <summary>The 18 characters, the check character upper-case.</summary>
    public string Value { get; }

    public DateOnly BirthDate { get; }

    public Gender Gender { get; }

    /// <summary>行政区划代码, the first 6 digits.</summary>
    public string RegionCode => Value[..6];

    /// <summary>As shown in lists: 513*****0019.</summary>
    public string Masked => Mask(Value);

    public override string ToString() => Value;

    /// <summary>Parses or returns the reason it is not a valid 居民身份证号码.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out IdNumber? idNumber, out string error)
    {
        idNumber = null;
        var value = text?.Trim().ToUpperInvariant() ?? "";
        if (value.Length != Length || !value[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(value[17]) || value[17] == 'X'))
        {
            error = "身份证号码应为18位，前17位为数字，最后一位为数字或X";
            return false;
        }

        if (!ProvincePrefixes.Contains(value[..2]) || value[2..6] == "0000" && value[..2] is not ("71" or "81" or "82"))
        {
            error = "身份证号码的地区码不正确";
            return false;
        }

        if (!DateOnly.TryParseExact(value[6..14], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birthDate)
            || birthDate.Year < 1900)
        {
            error = "身份证号码中的出生日期不正确";
            return false;
        }

        if (CheckCharacter(value) != value[17])
        {
            error = "身份证号码校验位不正确";
            return false;
        }

        error = "";
        idNumber = new IdNumber(value, birthDate, (value[16] - '0') % 2 == 1 ? Gender.Male : Gender.Female);
        return true;
    }

    public static bool TryParse(string? text, [NotNullWhen(true)] out IdNumber? idNumber) => TryParse(text, out idNumber, out _);

    /// <summary>Parses or throws a <see cref="DomainRuleException"/> saying what is wrong.</summary>
    public static IdNumber Parse(string? text) =>
        TryParse(text, out var idNumber, out var error) ? idNumber : throw new DomainRuleException(error);

    /// <summary>The MOD 11-2 check character of the first 17 digits.</summary>
    public static char CheckCharacter(string first17Digits)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17Digits[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>First 3 characters, five *, last 4 (any document number); short values are fully starred.</summary>
    public static string Mask(string? value)
    {
        var v = value?.Trim() ?? "";
        return v.Length <= 7 ? new string('*', v.Length) : $"{v[..3]}*****{v[^4..]}";
    }
}
