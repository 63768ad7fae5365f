using CertHub.Core.Common;
using CertHub.Core.Ledger;
using CertHub.Data;
using CertHub.Tests.Support.Builders;
using CertHub.Web.Startup;
using CertHub.Web.Workers;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CertHub.Tests.Web.Startup;

public sealed class VerifyLedgerCommandTests
{
    [Fact]
    public void Describe_Should_ReportCounts_When_LedgerIsIntact() =>
        Assert.Equal("账本校验通过：2 个区块，5 条记录", VerifyLedgerCommand.Describe(new LedgerVerificationResult(2, 5, [])));

    [Fact]
    public void Describe_Should_ReportFirstTamperedRow_When_ProblemsExist()
    {
        var result = new LedgerVerificationResult(3, 9, [
            new LedgerProblem(3, null, "前一区块哈希不一致，链已断开"),
            new LedgerProblem(2, 1, "交易哈希与交易内容不一致"),
        ]);

        Assert.Equal("账本校验失败：第 2 个区块 第 2 条交易：交易哈希与交易内容不一致（共发现 2 处问题）", VerifyLedgerCommand.Describe(result));
    }

    [Theory]
    [InlineData(new[] { "verify-ledger" }, true)]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--urls", "http://x" }, false)]
    public void Matches_Should_RecogniseCommand_When_FirstArgument(string[] args, bool expected) =>
        Assert.Equal(expected, VerifyLedgerCommand.Matches(args));

    [Fact]
    public async Task Run_Should_ExitWithOneAndNameTheBlock_When_EntryWasEdited()
    {
        var file = Path.Combine(Path.GetTempPath(), $"certhub-ledger-{Guid.NewGuid():N}.db");
        try
        {
            var settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={file}");
            var builder = new CertHubContextBuilder(settings, []);
            await using (var db = builder.Create(FixedCurrentUser.System))
            {
                await db.Database.EnsureCreatedAsync();
                var (block, entries) = LedgerBlock.Seal(null, LedgerTestItems.Items(3), AnIssuanceRecord.T0);
                db.Add(block);
                db.AddRange(entries);
                await db.SaveChangesAsync();
            }

            var services = new ServiceCollection()
                .AddSingleton(builder)
                .AddSingleton<SystemDbFactory>()
                .AddSingleton(TimeProvider.System)
                .BuildServiceProvider();
            using var intact = new StringWriter();
            Assert.Equal(0, await VerifyLedgerCommand.RunAsync(services, intact));
            Assert.Equal("账本校验通过：1 个区块，3 条记录", intact.ToString().Trim());

            await using (var db = builder.Create(FixedCurrentUser.System))
            {
                var entry = db.Set<LedgerEntry>().Single(e => e.IndexInBlock == 2);
                LedgerTestItems.Tamper(entry, nameof(LedgerEntry.SubjectKey), "certificate:forged");
                await db.SaveChangesAsync();
            }

            using var tampered = new StringWriter();
            Assert.Equal(1, await VerifyLedgerCommand.RunAsync(services, tampered));
            Assert.StartsWith("账本校验失败：第 1 个区块", tampered.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }
}
