using CertHub.Core.Catalog;
using CertHub.Core.Common;
using CertHub.Core.Issuance;

namespace CertHub.Tests.Support;

/// <summary>A hand-written <see cref="IIssuanceService"/> for bUnit: canned rows and answers, and a log of the calls.</summary>
public sealed class FakeIssuanceService : IIssuanceService
{
    public List<IssuanceListItem> Rows { get; } = [];

    public Dictionary<int, IReadOnlyList<IssuanceHistoryItem>> Histories { get; } = [];

    public GenerationPreview Preview { get; set; } = new([], []);

    public BatchResult NextResult { get; set; } = new(1, []);

    public List<string> Calls { get; } = [];

    public List<IssuanceFilter> ListFilters { get; } = [];

    public List<(string Method, IReadOnlyCollection<int> Ids)> Actions { get; } = [];

    public SignatureInput? LastSignature { get; private set; }

    public string? LastReason { get; private set; }

    public IssueMethod? LastMethod { get; private set; }

    public GenerationCriteria? LastGenerated { get; private set; }

    public int ListCalls => Calls.Count(c => c == nameof(ListAsync));

    public int CountCalls => Calls.Count(c => c == nameof(CountsAsync));

    public static IssuanceListItem Item(int id, IssuanceStatus status, IssuanceCommands commands, string name = "王大三") => new(
        id, $"3706822021163177360155{id:D4}", name, "370*****6549", "院校考生", "北京科技大学", "信息化应用职业技能等级证书",
        CertificateLevel.Intermediate, "中物联物流", status == IssuanceStatus.Issued ? new DateOnly(2021, 9, 23) : null,
        status == IssuanceStatus.Issued ? IssueMethod.Electronic : null, "2021九月中级信息化考试", "北京科技大学信息化应用职业技能等级证书(中级)考核站点",
        "已通过", status, status == IssuanceStatus.Issued ? $"1XXXH2021200000{id:D4}" : null, status == IssuanceStatus.Issued ? 1 : 0,
        status is IssuanceStatus.OrgRejected or IssuanceStatus.SiteRejected ? "成绩有误" : null, null, commands);

    public Task<PagedResult<IssuanceListItem>> ListAsync(IssuanceFilter filter, PageRequest page, CancellationToken ct)
    {
        Calls.Add(nameof(ListAsync));
        ListFilters.Add(filter);
        var matching = Matching(filter).ToList();
        return Task.FromResult(new PagedResult<IssuanceListItem>([.. matching.Skip(page.Skip).Take(page.Size)], matching.Count, page.Page, page.Size));
    }

    public Task<IReadOnlyDictionary<IssuanceStatus, int>> CountsAsync(IssuanceFilter filter, CancellationToken ct)
    {
        Calls.Add(nameof(CountsAsync));
        IReadOnlyDictionary<IssuanceStatus, int> counts = Matching(filter with { Status = null }).GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count());
        return Task.FromResult(counts);
    }

    public Task<IssuanceDetail?> GetAsync(int id, CancellationToken ct)
    {
        Calls.Add(nameof(GetAsync));
        var row = Rows.FirstOrDefault(r => r.Id == id);
        return Task.FromResult(row is null ? null : new IssuanceDetail(row, Histories.GetValueOrDefault(id) ?? []));
    }

    public Task<IReadOnlyList<IssuanceListItem>> ExportAsync(IssuanceFilter filter, IReadOnlyCollection<int> selectedIds, CancellationToken ct)
    {
        Actions.Add((nameof(ExportAsync), selectedIds));
        IReadOnlyList<IssuanceListItem> rows = selectedIds.Count > 0 ? [.. Rows.Where(r => selectedIds.Contains(r.Id))] : [.. Matching(filter)];
        return Task.FromResult(rows);
    }

    public Task<IReadOnlyList<int>> YearsAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<int>>([2021]);

    public Task<IReadOnlyList<IssuanceOption>> PlansAsync(int? year, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<IssuanceOption>>([new IssuanceOption(1, "2021九月中级信息化考试")]);

    public Task<IReadOnlyList<IssuanceOption>> CertificatesAsync(int? examPlanId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<IssuanceOption>>([new IssuanceOption(1, "信息化应用职业技能等级证书", [CertificateLevel.Intermediate])]);

    public Task<IReadOnlyList<IssuanceOption>> SchoolsAsync(string? search, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<IssuanceOption>>([new IssuanceOption(1, "北京科技大学"), new IssuanceOption(2, "北方工业大学")]);

    public Task<GenerationPreview> PreviewGenerationAsync(GenerationCriteria criteria, CancellationToken ct)
    {
        Calls.Add(nameof(PreviewGenerationAsync));
        return Task.FromResult(Preview);
    }

    public Task<int> GenerateAsync(GenerationCriteria criteria, CancellationToken ct)
    {
        LastGenerated = criteria;
        return Task.FromResult(Preview.Eligible.Count);
    }

    public Task<BatchResult> SignAsync(IReadOnlyCollection<int> ids, SignatureInput signature, CancellationToken ct)
    {
        LastSignature = signature;
        return Act(nameof(SignAsync), ids);
    }

    public Task<BatchResult> RejectAsync(IReadOnlyCollection<int> ids, string reason, CancellationToken ct)
    {
        LastReason = reason;
        return Act(nameof(RejectAsync), ids);
    }

    public Task<BatchResult> ResignAsync(IReadOnlyCollection<int> ids, CancellationToken ct) => Act(nameof(ResignAsync), ids);

    public Task<BatchResult> IssueAsync(IReadOnlyCollection<int> ids, IssueMethod method, CancellationToken ct)
    {
        LastMethod = method;
        return Act(nameof(IssueAsync), ids);
    }

    public Task<BatchResult> ReissueAsync(IReadOnlyCollection<int> ids, CancellationToken ct) => Act(nameof(ReissueAsync), ids);

    public Task<BatchResult> DeleteAsync(IReadOnlyCollection<int> ids, CancellationToken ct) => Act(nameof(DeleteAsync), ids);

    public Task<DownloadFile?> DownloadAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        Actions.Add((nameof(DownloadAsync), ids));
        return Task.FromResult<DownloadFile?>(new DownloadFile("证书.pdf", "application/pdf", [1, 2, 3]));
    }

    private Task<BatchResult> Act(string method, IReadOnlyCollection<int> ids)
    {
        Actions.Add((method, [.. ids]));
        return Task.FromResult(NextResult);
    }

    private IEnumerable<IssuanceListItem> Matching(IssuanceFilter filter) =>
        Rows.Where(r => (filter.Status is null || r.Status == filter.Status)
            && (filter.CandidateName is null || r.CandidateName.Contains(filter.CandidateName, StringComparison.Ordinal)));
}

/// <summary>A change feed that delivers published notices to subscribers at once (for live-update tests).</summary>
public sealed class LoopbackChangeFeed : IChangeFeed
{
    private readonly List<(string Topic, Func<ChangeNotice, Task> Handler)> _handlers = [];

    /// <summary>The topics someone is subscribed to now.</summary>
    public IReadOnlyList<string> Topics => [.. _handlers.Select(h => h.Topic).Distinct()];

    public void Publish(ChangeNotice notice)
    {
        foreach (var (topic, handler) in _handlers.ToList())
        {
            if (topic == notice.Topic)
            {
                handler(notice).GetAwaiter().GetResult();
            }
        }
    }

    public IDisposable Subscribe(string topic, Func<ChangeNotice, Task> handler)
    {
        var entry = (topic, handler);
        _handlers.Add(entry);
        return new Unsubscribe(() => _handlers.Remove(entry));
    }

    private sealed class Unsubscribe(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}

/// <summary>An <see cref="IIssuanceDashboard"/> returning a fixed snapshot.</summary>
public sealed class FakeIssuanceDashboard(IssuanceDashboardSnapshot snapshot) : IIssuanceDashboard
{
    public int Calls { get; private set; }

    public Task<IssuanceDashboardSnapshot> GetAsync(CancellationToken ct)
    {
        Calls++;
        return Task.FromResult(snapshot);
    }
}
