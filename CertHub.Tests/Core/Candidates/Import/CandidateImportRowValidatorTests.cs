using CertHub.Core.Candidates;
using CertHub.Core.Candidates.Import;
using CertHub.Core.Catalog;

namespace CertHub.Tests.Core.Candidates.Import;

public sealed class CandidateImportRowValidatorTests
{
    private static readonly Dictionary<string, MajorOption> Majors = new() { ["计算机应用技术"] = new MajorOption(7, "计算机应用技术", MajorLevel.HigherVocational) };

    private static CandidateImportRowValidator Validator(CandidateImportMode mode = CandidateImportMode.Create, params string[] existing) =>
        new(Majors, existing.ToHashSet(), mode, 2021);

    private static CandidateImportRow Row(int row = 2, string? name = "张三", string? idType = "居民身份证", string? id = "110101199003074477",
        string? phone = "13812345678", string? major = "计算机应用技术", string? level = "高职专科", string? year = "2021", string? type = "院校考生") =>
        new(row, name, "zhang san", idType, id, phone, major, level, year, type);

    [Fact]
    public void Validate_Should_ReturnDetails_When_RowIsGood()
    {
        var (valid, reason) = Validator().Validate(Row());

        Assert.Null(reason);
        Assert.Equal(7, valid!.Details.MajorId);
        Assert.Equal(2021, valid.Details.EnrollmentYear);
        Assert.Equal(CandidateType.SchoolCandidate, valid.CandidateType);
    }

    [Theory]
    [InlineData(null, "姓名不能为空")]
    [InlineData("", "姓名不能为空")]
    public void Validate_Should_Refuse_When_NameMissing(string? name, string expected) =>
        Assert.Contains(expected, Validator().Validate(Row(name: name)).Reason);

    [Fact]
    public void Validate_Should_Refuse_When_CheckDigitWrong() =>
        Assert.Contains("校验位不正确", Validator().Validate(Row(id: "110101199003074478")).Reason);

    [Fact]
    public void Validate_Should_Refuse_When_LegacyFifteenDigitId() =>
        Assert.Contains("不支持15位", Validator().Validate(Row(id: "110101900307447")).Reason);

    [Fact]
    public void Validate_Should_Refuse_When_IdAlreadyInSchool() =>
        Assert.Contains(CandidateMessages.IdExists, Validator(CandidateImportMode.Create, "110101199003074477").Validate(Row()).Reason);

    [Fact]
    public void Validate_Should_Refuse_When_UpdatingUnknownId() =>
        Assert.Contains("未找到该证件号码的考生", Validator(CandidateImportMode.Update).Validate(Row()).Reason);

    [Fact]
    public void Validate_Should_Refuse_When_IdRepeatedInFile()
    {
        var validator = Validator();
        Assert.Null(validator.Validate(Row(row: 2)).Reason);

        Assert.Equal("与第2行的证件号码重复", validator.Validate(Row(row: 3)).Reason);
    }

    [Fact]
    public void Validate_Should_Refuse_When_MajorUnknown() =>
        Assert.Contains("不在专业目录中", Validator().Validate(Row(major: "不存在的专业")).Reason);

    [Fact]
    public void Validate_Should_Refuse_When_PhoneBad() =>
        Assert.Contains("手机号应为11位手机号码", Validator().Validate(Row(phone: "12345")).Reason);

    [Theory]
    [InlineData("20x1")]
    [InlineData("1900")]
    [InlineData("2099")]
    public void Validate_Should_Refuse_When_YearBad(string year) =>
        Assert.Contains("入学年份不正确", Validator().Validate(Row(year: year)).Reason);

    [Fact]
    public void Validate_Should_AcceptPublicCandidate_When_MajorAndYearEmpty()
    {
        var (valid, reason) = Validator().Validate(Row(major: null, level: null, year: null, type: "社会考生"));

        Assert.Null(reason);
        Assert.Equal(CandidateType.PublicCandidate, valid!.CandidateType);
    }

    [Fact]
    public void Validate_Should_JoinAllReasons_When_SeveralProblems()
    {
        var reason = Validator().Validate(Row(phone: "1", year: "abc", idType: "驾驶证")).Reason;

        Assert.Contains("证件类型“驾驶证”不正确", reason);
        Assert.Contains("手机号", reason);
        Assert.Contains("入学年份", reason);
    }
}
