using CertHub.Core.Catalog;
using CertHub.Core.Exams;
using CertHub.Core.Exams.RoomImport;
using CertHub.Core.ExamSites;
using CertHub.Tests.Support.Builders;

namespace CertHub.Tests.Core.Exams;

public sealed class ExamRoomImportRowValidatorTests
{
    private const string CertificateName = "信息化应用职业技能等级证书";
    private readonly ExamSubject _computer = ADomain.Subject(1);
    private readonly ExamSubject _computer2 = ADomain.Subject(2);
    private readonly ExamSubject _practical = ADomain.Subject(3, mode: ExamMode.Practical);
    private readonly ExamPlan _plan;
    private readonly ExamSite _site = ADomain.ExamSite(ExamSiteStatus.Approved, ADomain.School(1), ADomain.Certificate(1)).WithId(7);

    public ExamRoomImportRowValidatorTests()
    {
        _plan = ADomain.ExamPlan(subject: _computer, publish: false).WithId(5);
        _plan.SetSubject(_computer2, ADomain.Day(16, 12), ADomain.Day(16, 13));
        _plan.SetSubject(_practical, ADomain.Day(16, 14), ADomain.Day(16, 15));
        _plan.Publish("组织管理员", ADomain.T0);
    }

    private ExamRoomImportRowValidator Validator(HashSet<(int, int, int, string)>? taken = null) => new(
        [_plan],
        new Dictionary<int, Dictionary<int, AccessibleSite>> { [_plan.Id] = new() { [_site.Id] = new AccessibleSite(_site, false, new HashSet<CertificateLevel> { CertificateLevel.Junior }) } },
        new Dictionary<int, string> { [1] = CertificateName },
        new Dictionary<int, ExamSubject> { [1] = _computer, [2] = _computer2, [3] = _practical },
        taken ?? [],
        ADomain.Day(2));

    private ExamRoomImportRow Row(int number = 2, string? plan = null, string? site = null, string? certificate = CertificateName, string? level = "初级",
        string? subjects = "KM001", string? name = "第一考场", string? address = "主楼301", string? seats = "40") =>
        new(number, plan ?? _plan.Name, site ?? _site.Name, certificate, level, subjects, name, address, seats);

    [Fact]
    public void Validate_Should_BuildRoom_When_RowIsGood()
    {
        var (room, reason) = Validator().Validate(Row(subjects: "KM001、KM002"));

        Assert.Null(reason);
        Assert.NotNull(room);
        Assert.Equal((5, 7, "第一考场", 40, RoomType.ComputerRoom), (room.ExamPlanId, room.ExamSiteId, room.Name, room.SeatCount, room.RoomType));
        Assert.Equal([1, 2], room.Subjects.Select(s => s.SubjectId).Order());
    }

    [Theory]
    [InlineData("KM001,KM002")]
    [InlineData("KM001，KM002")]
    [InlineData(" KM001 、 KM002 ")]
    public void Validate_Should_SplitSubjectCodes_When_SeparatedByCommaOrDunHao(string codes) =>
        Assert.Equal(2, Validator().Validate(Row(subjects: codes)).Room!.Subjects.Count);

    [Theory]
    [InlineData("plan", "考试计划“不存在的计划”不存在")]
    [InlineData("site", "不是本校或分配给本校的考核站点")]
    [InlineData("certificate", "与考核站点的证书不一致")]
    [InlineData("level", "证书等级“特级”不正确")]
    [InlineData("levelNotHeld", "考试计划或考核站点不包含中级")]
    [InlineData("subject", "科目编号“KM999”不是该考试计划中初级的考试科目")]
    [InlineData("roomTypes", "不同类型的考场")]
    [InlineData("seats", "考位数应为正整数")]
    [InlineData("zeroSeats", "考位数应为正整数")]
    [InlineData("name", "考场名称不能为空")]
    [InlineData("address", "考场地址不能为空")]
    [InlineData("longName", "考场名称不能超过")]
    public void Validate_Should_RejectWithChineseReason_When_CellIsWrong(string problem, string expected)
    {
        var row = problem switch
        {
            "plan" => Row(plan: "不存在的计划"),
            "site" => Row(site: "别的考核站点"),
            "certificate" => Row(certificate: "JAVA应用开发职业技能等级证书"),
            "level" => Row(level: "特级"),
            "levelNotHeld" => Row(level: "中级"),
            "subject" => Row(subjects: "KM001、KM999"),
            "roomTypes" => Row(subjects: "KM001、KM003"),
            "seats" => Row(seats: "四十"),
            "zeroSeats" => Row(seats: "0"),
            "name" => Row(name: " "),
            "address" => Row(address: null),
            _ => Row(name: new string('考', ExamRoom.NameMaxLength + 1)),
        };

        var (room, reason) = Validator().Validate(row);

        Assert.Null(room);
        Assert.Contains(expected, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Should_Reject_When_NameTakenInDatabaseOrEarlierInFile()
    {
        var validator = Validator([(5, 7, 1, "已有考场")]);

        var taken = validator.Validate(Row(name: "已有考场"));
        var first = validator.Validate(Row(2, name: "新考场"));
        var second = validator.Validate(Row(3, name: "新考场"));

        Assert.Equal(ExamRoomService.DuplicateName, taken.Reason);
        Assert.NotNull(first.Room);
        Assert.Equal("与第2行的考场名称重复", second.Reason);
    }

    [Fact]
    public void Validate_Should_JoinAllReasons_When_SeveralCellsAreWrong()
    {
        var (_, reason) = Validator().Validate(Row(name: null, seats: "-1"));

        Assert.Equal("考场名称不能为空；考位数应为正整数", reason);
    }
}
