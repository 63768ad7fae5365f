using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Exams;
using CertHub.Core.Scheduling;

namespace CertHub.Tests.Support.Builders;

/// <summary>Exam-day document models (准考证, 门贴, 桌贴, 签到表) with realistic Chinese content, for the PDF renderers.</summary>
public static class AnExamDayDocument
{
    public static readonly DateTimeOffset Start = new(2021, 9, 18, 0, 0, 0, TimeSpan.Zero);

    public static byte[] Photo { get; } = GreyPng.Create(295, 413, 180);

    public static readonly string[] Names = ["王小八", "李思思", "张伟", "欧阳娜娜", "赵敏", "钱多多", "孙悟空", "周杰", "吴亦凡", "郑爽", "冯巩"];

    public static RoomSessionHeader Room(string roomName = "笔试实操考场101") => new(
        "2021年智能新能源汽车考试计划（第三批次）", roomName, "北京市石景山区晋元庄路5号第一教学楼101室",
        "北方工业大学智能新能源汽车职业技能等级证书（初级）考核站点", "智能新能源汽车职业技能等级证书", CertificateLevel.Junior,
        "笔试科目", ExamMode.Written, Start, Start.AddHours(1),
        [new RoomInvigilatorItem("张丽", "KK867114", "石景山区", "北方工业大学"), new RoomInvigilatorItem("李琪", "JK157822", null, "北京科技大学")]);

    public static AdmissionTicket Ticket(string name = "王小八", string ticketNo = "20210916002611000000700012", byte[]? photo = null, bool withPhoto = true) => new(
        "2021年智能新能源汽车考试计划（第三批次）", name, Gender.Male, "370*****6532", "37068220211631844006551248", ticketNo, "北方工业大学",
        "北方工业大学智能新能源汽车职业技能等级证书（初级）考核站点", "北京市石景山区晋元庄路5号",
        withPhoto ? photo ?? Photo : null,
        [
            new AdmissionTicketLine("智能新能源汽车职业技能等级证书（初级）", "笔试科目", ExamMode.Written, Start, Start.AddHours(1), "笔试实操考场101", 1),
            new AdmissionTicketLine("智能新能源汽车职业技能等级证书（初级）", "实操科目", ExamMode.Practical, Start.AddHours(12.8), Start.AddHours(13.8), "笔试实操考场101", 4),
        ]);

    public static IReadOnlyList<AdmissionTicket> Tickets(int count) =>
        [.. Enumerable.Range(0, count).Select(i => Ticket(Names[i % Names.Length] + (i >= Names.Length ? (i / Names.Length).ToString(System.Globalization.CultureInfo.InvariantCulture) : ""), $"2021091600261100000070{i + 1:D4}"))];

    public static DoorSticker Door(int count = 30) => new(Room(), 1, count, count);

    public static IReadOnlyList<DeskSticker> Desks(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new DeskSticker(Room(), i, Names[(i - 1) % Names.Length], $"2021091600261100000070{i:D4}", "110*****1234", i % 5 == 0 ? null : Photo))];

    public static SignInSheet Sheet(int count) => new(Room(),
        [.. Enumerable.Range(1, count).Select(i => new SignInRow(i, Names[(i - 1) % Names.Length], "110*****1234", $"2021091600261100000070{i:D4}", "北方工业大学", i % 7 == 0 ? null : Photo))]);
}
