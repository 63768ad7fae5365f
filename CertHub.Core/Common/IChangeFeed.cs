namespace CertHub.Core.Common;

/// <summary>A change to a kind of record, published after it is saved so open pages can refresh.</summary>
public sealed record ChangeNotice(string Topic, int? SchoolId = null, int? OrganizationId = null, int? ProvinceId = null);

/// <summary>实时更新: an in-process (later distributed) feed of changes that live pages subscribe to.</summary>
public interface IChangeFeed
{
    void Publish(ChangeNotice notice);

    IDisposable Subscribe(string topic, Func<ChangeNotice, Task> handler);
}
