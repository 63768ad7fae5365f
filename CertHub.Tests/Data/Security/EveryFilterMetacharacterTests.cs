using System.Collections;
using System.Reflection;
using CertHub.Core.Applications;
using CertHub.Core.Candidates;
using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Tests.Support;
using CertHub.Tests.Support.Builders;
using CertHub.Web.Imaging;
using CertHub.Web.RichText;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace CertHub.Tests.Data.Security;

/// <summary>
/// SQL and LIKE metacharacters in EVERY list filter, found by reflection: each public Core method that takes a <c>*Filter</c> record
/// and a <see cref="PageRequest"/> is called with each text field of its filter set to a hostile value, on real SQLite holding a
/// catalogue (schools, organisations, certificates) as the platform administrator. Nothing may throw (a Chinese
/// <see cref="DomainRuleException"/> refusal is allowed) and nothing may match: no wildcard, no injected OR, no error.
/// </summary>
public sealed class EveryFilterMetacharacterTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string[] Hostile =
    [
        "' OR 1=1 --", "\" OR \"\"=\"", "%", "_", "\\", "%%", "[a-z]%", "\"; DROP TABLE Candidates; --", "'; DELETE FROM Schools; --",
        "🙂𝒳\u202e\u0000", new string('%', 2_000), new string('x', 2_000),
    ];

    private readonly SqliteTestDb _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task EveryListFilter_Should_MatchNothingAndNeverFail_When_ATextFieldHoldsMetacharacters()
    {
        await ACatalogSeed.SeedAsync(_db);
        await using var provider = Services(FixedCurrentUser.System with { Role = UserRole.PlatformAdmin });
        var methods = ListMethods().ToList();
        var ran = new List<string>();
        var failures = new List<string>();

        foreach (var method in methods)
        {
            object service;
            try
            {
                service = ActivatorUtilities.CreateInstance(provider, method.DeclaringType!);
            }
            catch (InvalidOperationException ex)
            {
                failures.Add($"{method.DeclaringType!.Name}: cannot be built for the test ({ex.Message})");
                continue;
            }

            var filterType = method.GetParameters().First(p => p.ParameterType.Name.EndsWith("Filter", StringComparison.Ordinal)).ParameterType;
            foreach (var field in TextFields(filterType))
            {
                foreach (var hostile in Hostile)
                {
                    var label = $"{method.DeclaringType!.Name}.{method.Name}({filterType.Name}.{field.Name} = {Short(hostile)})";
                    try
                    {
                        var count = await InvokeAsync(service, method, Filter(filterType, field, hostile));
                        if (count != 0)
                        {
                            failures.Add($"{label}: {count} rows");
                        }

                        ran.Add(label);
                    }
                    catch (DomainRuleException)
                    {
                        ran.Add(label + " refused");
                    }
                    catch (Exception ex)
                    {
                        failures.Add($"{label}: {ex.GetType().Name} {ex.Message}");
                    }
                }
            }
        }

        output.WriteLine($"{methods.Count} list methods, {ran.Count} calls ({ran.Count(r => r.EndsWith(" refused", StringComparison.Ordinal))} refused by a rule)");
        foreach (var failure in failures)
        {
            output.WriteLine(failure);
        }

        Assert.Empty(failures);
        Assert.True(methods.Count >= 10, $"only {methods.Count} list methods found");
        Assert.True(ran.Count(r => !r.EndsWith(" refused", StringComparison.Ordinal)) >= 100, "too few filter calls actually queried the database");
    }

    /// <summary>Public instance methods of Core types taking a *Filter record and a PageRequest (the list services behind the pages).</summary>
    private static IEnumerable<MethodInfo> ListMethods() =>
        typeof(CandidateService).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true })
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => typeof(Task).IsAssignableFrom(m.ReturnType)
                && m.GetParameters().Any(p => p.ParameterType.Name.EndsWith("Filter", StringComparison.Ordinal) && TextFields(p.ParameterType).Any())
                && m.GetParameters().Any(p => p.ParameterType == typeof(PageRequest)))
            .OrderBy(m => m.DeclaringType!.FullName).ThenBy(m => m.Name);

    private static IEnumerable<ParameterInfo> TextFields(Type filter) =>
        filter.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First().GetParameters().Where(p => p.ParameterType == typeof(string));

    private static object Filter(Type filter, ParameterInfo field, string value)
    {
        var ctor = filter.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var args = ctor.GetParameters().Select(p => p.Name == field.Name ? value
            : p.HasDefaultValue ? p.DefaultValue
            : p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null).ToArray();
        return ctor.Invoke(args);
    }

    private static async Task<int> InvokeAsync(object service, MethodInfo method, object filter)
    {
        var args = method.GetParameters().Select(p =>
            p.ParameterType == filter.GetType() ? filter
            : p.ParameterType == typeof(PageRequest) ? new PageRequest(1, 50)
            : p.ParameterType == typeof(CancellationToken) ? CancellationToken.None
            : p.HasDefaultValue ? p.DefaultValue
            : p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null).ToArray();
        var task = (Task)method.Invoke(service, args)!;
        await task;
        var result = task.GetType().GetProperty("Result")!.GetValue(task);
        var items = result?.GetType().GetProperty("Items")?.GetValue(result) ?? result;
        return items is IEnumerable list ? list.Cast<object>().Count() : 0;
    }

    private ServiceProvider Services(ICurrentUser user)
    {
        var clock = new FakeTimeProvider(ADomain.Day(2));
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton(user);
        services.AddSingleton(_db.FactoryFor(user));
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<IFileStore, MemoryFileStore>();
        services.AddSingleton<IImageInspector, SkiaImageInspector>();
        services.AddSingleton<IChangeFeed, RecordingChangeFeed>();
        services.AddSingleton<IIdentityVerifier>(new BuiltInIdentityVerifier(clock));
        services.AddSingleton<IRichTextSanitizer, HtmlRichTextSanitizer>();
        services.AddSingleton<IPilotedCertificates>(sp => new PilotedCertificates(_db.FactoryFor(user)));
        services.AddSingleton<CertHub.Core.Accounts.IAccountAdmin, NoAccounts>();
        services.AddSingleton<CertHub.Core.Ledger.LedgerService>();
        services.AddSingleton<ICertificateLedgerReader, CertHub.Core.Ledger.CertificateLedgerReader>();
        services.AddSingleton<CertHub.Core.Issuance.ICertificateGenerationQueue, CertHub.Core.Issuance.NullCertificateGenerationQueue>();
        services.AddSingleton<CertHub.Core.Audit.IAuditLog, CertHub.Core.Audit.AuditLogService>();
        services.AddSingleton<CertHub.Core.Scores.Import.IScoreSheet, CertHub.Web.Documents.Excel.ScoreSheet>();
        services.AddSingleton<CertHub.Core.Accounts.ISmsSender>(new CertHub.Web.Accounts.Sms.SmsOutbox(clock, NullLogger<CertHub.Web.Accounts.Sms.SmsOutbox>.Instance));
        services.AddSingleton<CertHub.Core.Accounts.SmsVerification>();
        return services.BuildServiceProvider();
    }

    private static string Short(string value) => value.Length > 20 ? $"{value[..5]}…({value.Length} chars)" : value;
}
