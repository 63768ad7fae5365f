using System.Reflection;
using CertHub.Core.Ledger;

namespace CertHub.Tests.Support.Builders;

/// <summary>Ledger test helpers: items to seal, and tampering with private state the way an attacker editing rows would.</summary>
public static class LedgerTestItems
{
    public static IReadOnlyList<LedgerItem> Items(int count, string prefix = "certificate") =>
        Enumerable.Range(1, count)
            .Select(i => new LedgerItem(LedgerEntryKind.CertificateIssued, $"{prefix}:{i}", $"{{\"no\":\"1XXXH2021200{i:D6}\"}}"))
            .ToList();

    /// <summary>Overwrites a private-setter property (simulating a row edited in the database).</summary>
    public static void Tamper<T>(T target, string property, object? value) where T : class =>
        typeof(T).GetProperty(property, BindingFlags.Public | BindingFlags.Instance)!.SetValue(target, value);
}
