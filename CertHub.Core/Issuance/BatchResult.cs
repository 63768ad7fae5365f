using CertHub.Core.Common;

namespace CertHub.Core.Issuance;

/// <summary>One record a batch action could not apply to, and why (the rule's Chinese message).</summary>
public sealed record BatchFailure(int RecordId, string Reason);

/// <summary>
/// 批量操作结果: batch actions (批量确认签发, 批量发放, ...) apply the same rules record by record and report how many
/// succeeded and why the others did not.
/// </summary>
public sealed record BatchResult(int Succeeded, IReadOnlyList<BatchFailure> Failures)
{
    public int Failed => Failures.Count;

    public int Total => Succeeded + Failed;

    public static BatchResult Empty { get; } = new(0, []);

    /// <summary>Applies <paramref name="action"/> to every item; a <see cref="DomainRuleException"/> becomes a failure, anything else propagates.</summary>
    public static BatchResult Run<T>(IEnumerable<T> items, Func<T, int> idOf, Action<T> action)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(idOf);
        ArgumentNullException.ThrowIfNull(action);
        var succeeded = 0;
        var failures = new List<BatchFailure>();
        foreach (var item in items)
        {
            try
            {
                action(item);
                succeeded++;
            }
            catch (DomainRuleException ex)
            {
                failures.Add(new BatchFailure(idOf(item), ex.Message));
            }
        }

        return new BatchResult(succeeded, failures);
    }

    /// <summary>The summary shown after a batch: 成功3条，失败1条.</summary>
    public string Summary => Failed == 0 ? $"成功{Succeeded}条" : $"成功{Succeeded}条，失败{Failed}条";
}
