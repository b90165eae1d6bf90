namespace Parcours.Domain.Access;

/// <summary>An editable aggregate guarded by optimistic concurrency: Version is incremented on every update.</summary>
public interface IVersioned
{
    int Version { get; set; }
}

/// <summary>A record holding personal data: every write is written to the audit log .</summary>
public interface IPersonalData
{
    long Id { get; }
}
