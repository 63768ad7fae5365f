using System.IO.Compression;
using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Exams;
using CertHub.Core.ExamSites;
using CertHub.Core.Invigilators;
using CertHub.Core.Registrations;
using CertHub.Core.Scheduling;
using CertHub.Core.Scores;

namespace CertHub.Data.Seed;

public sealed partial class OperationsDemoSeeder
{
    private const string Ustb = "4111010008";
    private const string Ncut = "4111010009";
    private const string Bjtu = "4111010004";
    private const string Wipe = "4142010522";
    private const string Xxh = "1+X-XXH";
    private const string Wlgl = "1+X-WLGL";
    private const string Jkgl = "1+X-JKGL";
    private const string Java = "1+X-JAVA";
    private const string Web = "1+X-WEB";
    private const string Zngz = "1+X-ZNGZ";

    /// <summary>What the areas share: the catalogue looked up by natural key and the rows created so far.</summary>
    private sealed class SeedState(DateTimeOffset now)
    {
        public DateTimeOffset Now { get; } = now;

        public int Year => Now.ToOffset(TimeSpan.FromHours(8)).Year;

        public Dictionary<string, Province> Provinces { get; } = [];

        public Dictionary<string, PilotSchool> Schools { get; } = [];

        public Dictionary<int, Organization> Organizations { get; } = [];

        public Dictionary<string, Certificate> Certificates { get; } = [];

        public Dictionary<string, Major> Majors { get; } = [];

        /// <summary>试点证书负责人 name per school (used as the school's signer).</summary>
        public Dictionary<int, string> Contacts { get; } = [];

        public List<ExamSite> Sites { get; } = [];

        public List<SiteAllocation> Allocations { get; } = [];

        public List<ExamSubject> Subjects { get; } = [];

        public Dictionary<int, List<Candidate>> CandidatesBySchool { get; } = [];

        public Dictionary<int, List<Invigilator>> InvigilatorsBySchool { get; } = [];

        public List<InvigilatorCertification> Certifications { get; } = [];

        public List<SeededPlan> Plans { get; } = [];

        /// <summary>Last year's plans of the 证书通过率统计 demo set (see OperationsDemoSeeder.Statistics.cs).</summary>
        public HashSet<ExamPlan> HistoryPlans { get; } = [];

        public List<SubjectScore> Scores { get; } = [];

        public List<CertificateResult> Results { get; } = [];

        public List<(string CertificateNo, string Payload, DateTimeOffset At)> IssuedCertificates { get; } = [];

        public PilotSchool School(int id) => Schools.Values.First(s => s.Id == id);

        public Certificate Certificate(int id) => Certificates.Values.First(c => c.Id == id);

        public Candidate Candidate(int id) => CandidatesBySchool.Values.SelectMany(c => c).First(c => c.Id == id);

        public IEnumerable<ExamSubject> SubjectsOf(int certificateId, CertificateLevel level) =>
            Subjects.Where(s => s.CertificateId == certificateId && s.Level == level);

        /// <summary>The approved site where a school examines a certificate level: its own, or one allocated to it (借考).</summary>
        public ExamSite? SiteFor(int schoolId, int certificateId, CertificateLevel level) =>
            Sites.FirstOrDefault(s => s.SchoolId == schoolId && s.CertificateId == certificateId && s.Status == ExamSiteStatus.Approved && s.HasLevel(level))
            ?? Allocations.Where(a => a.BorrowerSchoolId == schoolId && a.CertificateId == certificateId && a.Level == level)
                .Select(a => Sites.First(s => s.Id == a.ExamSiteId)).FirstOrDefault();
    }

    /// <summary>An exam plan with the rows created for it.</summary>
    private sealed class SeededPlan(ExamPlan plan, ExamPlanStage stage, int perSchool)
    {
        public ExamPlan Plan { get; } = plan;

        public ExamPlanStage Stage { get; } = stage;

        public int PerSchool { get; } = perSchool;

        public List<Registration> Registrations { get; } = [];

        public List<ExamRoom> Rooms { get; } = [];

        public List<RoomSession> Sessions { get; } = [];

        public bool IsAtLeast(ExamPlanStage stage) => Stage != ExamPlanStage.Unpublished && Stage >= stage;
    }

    /// <summary>Tiny PNGs: plain grey (8-bit greyscale) for the demo photo and signature; red RGBA seal and stamp shapes.</summary>
    private static class DemoPng
    {
        public static byte[] Create(int width, int height, byte grey)
        {
            var rows = new byte[height][];
            for (var y = 0; y < height; y++)
            {
                rows[y] = new byte[width];
                Array.Fill(rows[y], grey);
            }

            return Encode(width, height, 0, rows);
        }

        /// <summary>A red round seal: an outer ring, an inner ring and a filled centre star-like disc, on transparency.</summary>
        public static byte[] Seal(int size)
        {
            var c = (size - 1) / 2.0;
            return Rgba(size, size, (x, y) =>
            {
                var d = Math.Sqrt(((x - c) * (x - c)) + ((y - c) * (y - c))) / c;
                return d is > 0.86 and <= 0.98 || d is > 0.74 and <= 0.78 || d <= 0.2;
            });
        }

        /// <summary>A red rectangular signature stamp: a frame with two bars.</summary>
        public static byte[] Stamp(int width, int height) =>
            Rgba(width, height, (x, y) =>
                x < 8 || y < 8 || x >= width - 8 || y >= height - 8 ||
                (y is > 40 and < 52 && x is > 30 and < 270) || (y is > 68 and < 80 && x is > 60 and < 240));

        private static byte[] Rgba(int width, int height, Func<int, int, bool> ink)
        {
            var rows = new byte[height][];
            for (var y = 0; y < height; y++)
            {
                rows[y] = new byte[width * 4];
                for (var x = 0; x < width; x++)
                {
                    if (ink(x, y))
                    {
                        rows[y][x * 4] = 0xD0;
                        rows[y][(x * 4) + 1] = 0x1C;
                        rows[y][(x * 4) + 2] = 0x1C;
                        rows[y][(x * 4) + 3] = 0xE0;
                    }
                }
            }

            return Encode(width, height, 6, rows);
        }

        private static byte[] Encode(int width, int height, byte colorType, byte[][] rows)
        {
            using var output = new MemoryStream();
            output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
            var header = new byte[13];
            WriteInt(header, 0, width);
            WriteInt(header, 4, height);
            header[8] = 8;
            header[9] = colorType;
            WriteChunk(output, "IHDR", header);
            using var raw = new MemoryStream();
            using (var zlib = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
            {
                foreach (var row in rows)
                {
                    zlib.WriteByte(0);
                    zlib.Write(row);
                }
            }

            WriteChunk(output, "IDAT", raw.ToArray());
            WriteChunk(output, "IEND", []);
            return output.ToArray();
        }

        private static void WriteChunk(Stream output, string type, byte[] data)
        {
            var length = new byte[4];
            WriteInt(length, 0, data.Length);
            output.Write(length);
            var typed = new byte[4 + data.Length];
            System.Text.Encoding.ASCII.GetBytes(type).CopyTo(typed, 0);
            data.CopyTo(typed, 4);
            output.Write(typed);
            var crc = new byte[4];
            WriteInt(crc, 0, (int)Crc32(typed));
            output.Write(crc);
        }

        private static uint Crc32(byte[] bytes)
        {
            var crc = 0xFFFFFFFFu;
            foreach (var b in bytes)
            {
                crc ^= b;
                for (var k = 0; k < 8; k++)
                {
                    crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
                }
            }

            return crc ^ 0xFFFFFFFFu;
        }

        private static void WriteInt(byte[] target, int offset, int value)
        {
            target[offset] = (byte)(value >> 24);
            target[offset + 1] = (byte)(value >> 16);
            target[offset + 2] = (byte)(value >> 8);
            target[offset + 3] = (byte)value;
        }
    }
}
