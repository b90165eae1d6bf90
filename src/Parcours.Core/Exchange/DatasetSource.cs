using System.IO.Compression;

namespace Parcours.Core.Exchange;

/// <summary>A dataset container (exchange format §2.1): a folder or a .zip file.</summary>
public abstract class DatasetSource : IDisposable
{
    /// <summary>Names of the files at the dataset's root.</summary>
    public abstract IReadOnlyList<string> Names { get; }

    /// <summary>Forbidden entries found while listing (sub-folders, absolute paths, «..»…).</summary>
    public List<string> ForbiddenEntries { get; } = [];

    public abstract Stream Open(string name);

    public virtual void Dispose() => GC.SuppressFinalize(this);

    public static DatasetSource Open(string path, long maxUncompressed = 4L << 30)
    {
        if (Directory.Exists(path)) return new FolderSource(path);
        if (File.Exists(path)) return new ZipSource(File.OpenRead(path), maxUncompressed);
        throw new FileNotFoundException($"Le jeu de données {Path.GetFileName(path)} est introuvable.", path);
    }

    public static DatasetSource FromZip(Stream stream, long maxUncompressed = 4L << 30) => new ZipSource(stream, maxUncompressed);

    private sealed class FolderSource : DatasetSource
    {
        private readonly string _folder;
        private readonly List<string> _names = [];

        public FolderSource(string folder)
        {
            _folder = folder;
            foreach (var entry in Directory.EnumerateFileSystemEntries(folder))
            {
                var name = Path.GetFileName(entry);
                if (name.StartsWith('.')) continue;
                if (Directory.Exists(entry)) ForbiddenEntries.Add(name + "/");
                else if (name != "import-report.csv") _names.Add(name);
            }
        }

        public override IReadOnlyList<string> Names => _names;

        public override Stream Open(string name) => new FileStream(Path.Combine(_folder, name), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
    }

    private sealed class ZipSource : DatasetSource
    {
        private readonly ZipArchive _zip;
        private readonly Dictionary<string, ZipArchiveEntry> _entries = new(StringComparer.Ordinal);

        public ZipSource(Stream stream, long maxUncompressed)
        {
            try
            {
                _zip = new ZipArchive(stream, ZipArchiveMode.Read);
            }
            catch (InvalidDataException)
            {
                ForbiddenEntries.Add("(archive illisible)");
                _zip = null!;
                return;
            }
            var files = _zip.Entries.Where(e => !e.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal) && !e.FullName.EndsWith('/')).ToList();
            // A single top-level folder may wrap everything.
            var prefix = "";
            var tops = files.Select(e => e.FullName.Split('/')[0]).Distinct().ToList();
            if (tops.Count == 1 && files.All(e => e.FullName.Contains('/'))) prefix = tops[0] + "/";
            long total = 0;
            foreach (var entry in files)
            {
                var name = entry.FullName[prefix.Length..];
                if (Path.GetFileName(name).StartsWith('.')) continue;
                total += entry.Length;
                if (name.Contains('/') || name.Contains('\\') || name.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(entry.FullName) || entry.IsEncrypted)
                    ForbiddenEntries.Add(entry.FullName);
                else _entries[name] = entry;
            }
            if (total > maxUncompressed) ForbiddenEntries.Add("(taille décompressée excessive)");
        }

        public override IReadOnlyList<string> Names => _entries.Keys.ToList();

        public override Stream Open(string name) => _entries[name].Open();

        public override void Dispose()
        {
            _zip?.Dispose();
            base.Dispose();
        }
    }
}

/// <summary>A read-only stream that hashes (SHA-256) what passes through it.</summary>
internal sealed class HashingStream(Stream inner) : Stream
{
    private readonly System.Security.Cryptography.IncrementalHash _hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);

    public string Sha256() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = inner.Read(buffer, offset, count);
        _hash.AppendData(buffer, offset, n);
        return n;
    }

    /// <summary>Reads what the CSV reader left unread, so that the digest covers the whole file.</summary>
    public void Drain()
    {
        var buffer = new byte[1 << 16];
        while (Read(buffer, 0, buffer.Length) > 0) { }
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) { inner.Dispose(); _hash.Dispose(); }
        base.Dispose(disposing);
    }
}
