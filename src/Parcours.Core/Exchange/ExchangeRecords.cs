using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Parcours.Core.Exchange;

/// <summary>
/// Where an imported record came from (exchange format §4.1, §7.1): the key of a record inside Parcours is the producer
/// code plus the file plus the local id. Lets a later dataset of the same producer update the same rows.
/// </summary>
public class ExchangeRecordKey
{
    public required string ProducerCode { get; set; }
    public required string File { get; set; }
    public required string LocalId { get; set; }
    public long EntityId { get; set; }
}

/// <summary>
/// A block of ids created by one import, in one file's table, whose records are known to their producer under the
/// local id stored as their <c>ExternalId</c>: the key (producer, file, local id) of each of them is derivable, so no
/// <see cref="ExchangeRecordKey"/> row is written for them. An import takes its new ids above every block of the
/// file, so blocks never overlap; when an update changes the <c>ExternalId</c> of a record inside a block, the block
/// is split around it and the producer's former key becomes an <see cref="ExchangeRecordKey"/> row.
/// </summary>
public class ExchangeKeyRange
{
    public required string ProducerCode { get; set; }
    public required string File { get; set; }
    public long FirstId { get; set; }
    public long LastId { get; set; }
}

/// <summary>A dataset imported (§7.5, §7.6): its id, producer, production time and the digest of its files.</summary>
public class ExchangeDataset
{
    public long Id { get; set; }
    public required string DatasetId { get; set; }
    public required string ProducerCode { get; set; }
    public DateTime ProducedAtUtc { get; set; }
    public DateTime ImportedAtUtc { get; set; }
    /// <summary>SHA-256 of the sorted «name:sha256» lines of the manifest's files.</summary>
    public required string FilesDigest { get; set; }
    public long Rows { get; set; }
    public required string Actor { get; set; }
}

internal sealed class ExchangeRecordKeyConfiguration : IEntityTypeConfiguration<ExchangeRecordKey>
{
    public void Configure(EntityTypeBuilder<ExchangeRecordKey> b)
    {
        b.ToTable("exchange_record_key");
        b.HasKey(k => new { k.ProducerCode, k.File, k.LocalId });
        b.Property(k => k.ProducerCode).HasMaxLength(32);
        b.Property(k => k.File).HasMaxLength(32);
        b.Property(k => k.LocalId).HasMaxLength(80);
    }
}

internal sealed class ExchangeKeyRangeConfiguration : IEntityTypeConfiguration<ExchangeKeyRange>
{
    public void Configure(EntityTypeBuilder<ExchangeKeyRange> b)
    {
        b.ToTable("exchange_key_range");
        b.HasKey(k => new { k.ProducerCode, k.File, k.FirstId });
        b.Property(k => k.ProducerCode).HasMaxLength(32);
        b.Property(k => k.File).HasMaxLength(32);
        b.HasIndex(k => new { k.File, k.LastId });
    }
}

internal sealed class ExchangeDatasetConfiguration : IEntityTypeConfiguration<ExchangeDataset>
{
    public void Configure(EntityTypeBuilder<ExchangeDataset> b)
    {
        b.ToTable("exchange_dataset");
        b.Property(d => d.DatasetId).HasMaxLength(36);
        b.Property(d => d.ProducerCode).HasMaxLength(32);
        b.Property(d => d.FilesDigest).HasMaxLength(64);
        b.Property(d => d.Actor).HasMaxLength(100);
        b.HasIndex(d => d.DatasetId).IsUnique();
        b.HasIndex(d => new { d.ProducerCode, d.ProducedAtUtc });
    }
}
