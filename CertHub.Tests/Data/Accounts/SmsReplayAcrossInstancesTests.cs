using CertHub.Core.Accounts;
using CertHub.Core.Common;
using CertHub.Tests.Support;
using CertHub.Web.Accounts.Sms;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CertHub.Tests.Data.Accounts;

/// <summary>
/// 短信验证码 with several app instances over one database: the same code entered at the same moment on several instances
/// is accepted exactly once (the others are told it was used), and wrong entries racing each other are all counted.
/// </summary>
public sealed class SmsReplayAcrossInstancesTests : IDisposable
{
    private const string Phone = "13800138000";
    private const int Instances = 6;
    private readonly SqliteTestDb _db = SqliteTestDb.InFile();
    private readonly FakeTimeProvider _clock = new(AccountsHarness.Now);
    private readonly SmsOutbox _outbox;

    public SmsReplayAcrossInstancesTests() => _outbox = new SmsOutbox(_clock, NullLogger<SmsOutbox>.Instance);

    public void Dispose() => _db.Dispose();

    /// <summary>One instance's service: its own context factory over the shared database file.</summary>
    private SmsVerification Instance() => new(_db.FactoryFor(FixedCurrentUser.System), _outbox, FixedCurrentUser.System, _clock);

    /// <summary>
    /// One instance's check; SQLite's "database is locked" (a file database shared by concurrent writers, not a product rule)
    /// is retried as a user would resubmit; PostgreSQL and SQL Server wait for the row lock instead.
    /// </summary>
    private async Task VerifyAsync(string code)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Instance().VerifyAsync(Phone, SmsPurpose.BindPhone, code, default);
                return;
            }
            catch (Microsoft.EntityFrameworkCore.DbUpdateException ex) when (attempt < 20 && ex.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 })
            {
                await Task.Delay(20 * attempt);
            }
        }
    }

    [Fact]
    public async Task Verify_Should_AcceptTheCodeOnce_When_SeveralInstancesCheckItAtOnce()
    {
        await Instance().SendCodeAsync(Phone, SmsPurpose.BindPhone, default);
        var code = System.Text.RegularExpressions.Regex.Match(_outbox.Messages.Single().Text, @"验证码为(\d{6})").Groups[1].Value;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Instances).Select(_ => Task.Run(async () =>
        {
            try
            {
                await VerifyAsync(code);
                return "accepted";
            }
            catch (DomainRuleException ex)
            {
                return ex.Message;
            }
        })));

        Assert.Equal(1, outcomes.Count(o => o == "accepted"));
        Assert.All(outcomes.Where(o => o != "accepted"), o => Assert.Equal("验证码已使用，请重新获取", o));
    }

    [Fact]
    public async Task Verify_Should_CountEveryWrongEntry_When_GuessesRaceOnSeveralInstances()
    {
        await Instance().SendCodeAsync(Phone, SmsPurpose.BindPhone, default);
        var code = System.Text.RegularExpressions.Regex.Match(_outbox.Messages.Single().Text, @"验证码为(\d{6})").Groups[1].Value;
        var wrong = code == "000000" ? "111111" : "000000";

        await Task.WhenAll(Enumerable.Range(0, SmsVerificationCode.MaxFailedAttempts).Select(_ => Task.Run(async () =>
            await Assert.ThrowsAsync<DomainRuleException>(() => VerifyAsync(wrong)))));
        var afterGuesses = await Assert.ThrowsAsync<DomainRuleException>(() => Instance().VerifyAsync(Phone, SmsPurpose.BindPhone, code, default));

        Assert.Equal("验证码错误次数过多，请重新获取", afterGuesses.Message);
    }
}
