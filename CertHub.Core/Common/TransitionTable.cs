namespace CertHub.Core.Common;

/// <summary>
/// The single source of truth for one state machine: which action moves which status to which status.
/// Entities keep one static table and route every verb through <see cref="Apply"/>, which throws a
/// <see cref="DomainRuleException"/> with a Chinese message on an illegal move; it never silently does nothing.
/// </summary>
public sealed class TransitionTable<TStatus, TAction>
    where TStatus : struct, Enum
    where TAction : struct, Enum
{
    private readonly Dictionary<(TStatus From, TAction Action), TStatus> _map = [];

    public TransitionTable<TStatus, TAction> Allow(TStatus from, TAction action, TStatus to)
    {
        _map.Add((from, action), to);
        return this;
    }

    public IEnumerable<(TStatus From, TAction Action, TStatus To)> Transitions =>
        _map.Select(kv => (kv.Key.From, kv.Key.Action, kv.Value));

    public bool CanApply(TStatus from, TAction action) => _map.ContainsKey((from, action));

    public TStatus Apply(TStatus from, TAction action) =>
        _map.TryGetValue((from, action), out var to)
            ? to
            : throw new DomainRuleException($"当前状态为“{from.ToDisplayName()}”，不能执行“{action.ToDisplayName()}”操作");
}
