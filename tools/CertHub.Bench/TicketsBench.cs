using System.Diagnostics;
using System.Globalization;
using CertHub.Core.Candidates;
using CertHub.Core.Exams;
using CertHub.Core.Scheduling;
using CertHub.Web.Documents.Pdf;

namespace CertHub.Bench;

/// <summary>
/// tickets: renders N 准考证 (default 5,000), each with its own photo (a distinct 295×413 image per candidate, so every photo
/// is embedded), as one PDF and as one PDF per room of 40. Reference: under 60 s for 5,000 (issue 7).
/// </summary>
public static class TicketsBench
{
    private const double TargetSeconds = 60;
    private const int RoomSize = 40;

    public static int Run(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
        var tickets = Build(count);
        var renderer = new AdmissionTicketPdfRenderer();
        renderer.Render(tickets.Take(2).ToList());

        var watch = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var pdf = renderer.Render(tickets);
        watch.Stop();
        Report($"one PDF of {count} tickets", count, watch.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu, pdf.Length);

        watch.Restart();
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        long bytes = 0;
        var files = 0;
        foreach (var room in tickets.Chunk(RoomSize))
        {
            bytes += renderer.Render(room).Length;
            files++;
        }

        watch.Stop();
        Report($"{files} room PDFs of {RoomSize}", count, watch.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu, bytes);
        return 0;
    }

    private static void Report(string what, int pages, TimeSpan wall, TimeSpan cpu, long bytes) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {wall.TotalSeconds:F1} s wall (target < {TargetSeconds:F0} s: {(wall.TotalSeconds < TargetSeconds ? "OK" : "MISSED")}), " +
            $"{pages / wall.TotalSeconds:F0} pages/s, {cpu.TotalMilliseconds / pages:F1} ms CPU per page, {bytes / 1024.0 / 1024.0:F1} MB"));

    private static List<AdmissionTicket> Build(int count)
    {
        string[] surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
        string[] given = ["小八", "思思", "伟", "娜娜", "敏", "多多", "晓东", "杰", "一凡", "爽"];
        var start = new DateTimeOffset(2021, 9, 18, 0, 0, 0, TimeSpan.Zero);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var room = $"第{(i / RoomSize) + 1}笔试考场";
            var seat = (i % RoomSize) + 1;
            return new AdmissionTicket("2021年智能新能源汽车考试计划（第三批次）", surnames[i % 10] + given[i / 10 % 10], i % 2 == 0 ? Gender.Male : Gender.Female,
                "370*****6532", $"370682202116318440{i:D8}", AdmissionTicketNumber.Format(16, "40000001101", (i / RoomSize) + 1, seat), "北方工业大学",
                "北方工业大学智能新能源汽车职业技能等级证书（初级）考核站点", "北京市石景山区晋元庄路5号",
                GreyPng.Create(295, 413, (byte)(i % 251)),
                [
                    new AdmissionTicketLine("智能新能源汽车职业技能等级证书（初级）", "笔试科目", ExamMode.Written, start, start.AddHours(1), room, seat),
                    new AdmissionTicketLine("智能新能源汽车职业技能等级证书（初级）", "实操科目", ExamMode.Practical, start.AddHours(3), start.AddHours(4), room, seat),
                ]);
        })];
    }
}
