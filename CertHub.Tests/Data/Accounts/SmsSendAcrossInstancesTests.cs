using CertHub.Core.Accounts;
using CertHub.Core.Common;
using CertHub.Data;
using CertHub.Tests.Support;
using CertHub.Web.Accounts.Sms;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CertHub.Tests.Data.Accounts;

/// <summary>
/// 获取验证码 on several app instances at the same moment: "one code per phone (and per account) every 60 s" holds across
/// instances — of concurrent sends exactly one is saved and sent, the others are told 验证码发送过于频繁. Each instance has its
/// own connections: a SQLite file database by default, a fresh PostgreSQL database with CERTHUB_TEST_DB=postgres.
/// </summary>
public sealed class SmsSendAcrossInstancesTests : IDisposable
{
    private const int Instances = 6;
    private readonly SqliteTestDb _db = TestDb.Provider == DatabaseProvider.Postgres ? new SqliteTestDb() : SqliteTestDb.InFile();
    private readonly FakeTimeProvider _clock = new(AccountsHarness.Now);
    private readonly SmsOutbox _outbox;

    public SmsSendAcrossInstancesTests() => _outbox = new SmsOutbox(_clock, NullLogger<SmsOutbox>.Instance);

    public void Dispose() => _db.Dispose();

    private SmsVerification Instance(ICurrentUser user) => new(_db.FactoryFor(user), _outbox, user, _clock);

    /// <summary>The same send on <see cref="Instances"/> instances at once: "sent" or the refusal.</summary>
    private async Task<string[]> SendAtOnceAsync(ICurrentUser user, Func<int, string> phone)
    {
        using var start = new Barrier(Instances);
        return await Task.WhenAll(Enumerable.Range(0, Instances).Select(i => Task.Run(async () =>
        {
            var service = Instance(user);
            start.SignalAndWait(TimeSpan.FromSeconds(10));
            try
            {
                await service.SendCodeAsync(phone(i), SmsPurpose.BindPhone, default);
                return "sent";
            }
            catch (DomainRuleException ex)
            {
                return ex.Message;
            }
        })));
    }

    private async Task<int> StoredCodesAsync(string phone)
    {
        await using var db = _db.OpenAsSystem();
        return db.Set<SmsVerificationCode>().Count(c => c.Phone == phone);
    }

    [Fact]
    public async Task SendCode_Should_SendExactlyOne_When_SeveralInstancesSendToOnePhoneAtOnce()
    {
        const string phone = "13800138000";
        for (var round = 1; round <= 3; round++)
        {
            var outcomes = await SendAtOnceAsync(FixedCurrentUser.System, _ => phone);

            Assert.Equal(1, outcomes.Count(o => o == "sent"));
            Assert.All(outcomes.Where(o => o != "sent"), o => Assert.Equal(SmsSendWindow.TooSoon, o));
            Assert.Equal(round, _outbox.Messages.Count(m => m.Phone == phone));
            Assert.Equal(round, await StoredCodesAsync(phone));
            _clock.Advance(SmsVerification.Interval);
        }
    }

    [Fact]
    public async Task SendCode_Should_SendExactlyOne_When_OneAccountSendsToSeveralPhonesOnSeveralInstancesAtOnce()
    {
        var account = new FixedCurrentUser(UserRole.SchoolAdmin, SchoolId: 1, UserName: "ustb", DisplayName: "北京科技大学", UserId: "admin-a");

        var outcomes = await SendAtOnceAsync(account, i => $"1390013900{i}");

        Assert.Equal(1, outcomes.Count(o => o == "sent"));
        Assert.All(outcomes.Where(o => o != "sent"), o => Assert.Equal(SmsSendWindow.TooSoon, o));
        Assert.Single(_outbox.Messages);
    }
}
