using System.Globalization;
using CertHub.Core.Ledger;
using CertHub.Web.Workers;

namespace CertHub.Web.Startup;

/// <summary>
/// <c>dotnet run --project CertHub.Web -- verify-ledger</c>: recomputes every block of the ledger as the system and
/// prints the outcome, without starting the web server. Exit code 0 when intact, 1 when tampered.
/// </summary>
public static class VerifyLedgerCommand
{
    public const string Name = "verify-ledger";

    public static bool Matches(string[] args) => args.Length > 0 && string.Equals(args[0], Name, StringComparison.OrdinalIgnoreCase);

    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output, CancellationToken ct = default)
    {
        var ledger = new LedgerService(services.GetRequiredService<SystemDbFactory>(), services.GetRequiredService<TimeProvider>());
        var result = await ledger.VerifyAllAsync(ct);
        await output.WriteLineAsync(Describe(result));
        return result.IsValid ? 0 : 1;
    }

    /// <summary>"账本校验通过：N 个区块，M 条记录", or the first broken place ("第 H 个区块 第 I 条交易：reason").</summary>
    public static string Describe(LedgerVerificationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.IsValid)
        {
            return string.Create(CultureInfo.InvariantCulture, $"账本校验通过：{result.BlockCount} 个区块，{result.EntryCount} 条记录");
        }

        var first = result.Problems.OrderBy(p => p.BlockHeight).ThenBy(p => p.IndexInBlock ?? -1).First();
        var where = first.IndexInBlock is { } index
            ? string.Create(CultureInfo.InvariantCulture, $"第 {first.BlockHeight} 个区块 第 {index + 1} 条交易")
            : string.Create(CultureInfo.InvariantCulture, $"第 {first.BlockHeight} 个区块");
        return string.Create(CultureInfo.InvariantCulture, $"账本校验失败：{where}：{first.Reason}（共发现 {result.Problems.Count} 处问题）");
    }
}
