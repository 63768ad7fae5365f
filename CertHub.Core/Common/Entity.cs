namespace CertHub.Core.Common;

/// <summary>Base of every persisted entity: an integer key assigned by the database.</summary>
public abstract class Entity
{
    public int Id { get; protected set; }
}
