using System.Security.Cryptography;
using System.Text;

namespace Parcours.Core.Exchange;

/// <summary>
/// Pseudonyms of exchange format §9.4: lower-case hex of HMAC-SHA-256(key, "parcours:v1:" + entity + ":" + producer
/// code + ":" + local id). The same key for every feed keeps a person's pseudonym from one yearly feed to the next.
/// </summary>
public sealed class Pseudonymiser(byte[] key, string producerCode)
{
    private readonly byte[] _key = key.Length == 32 ? key : throw new ArgumentException("The pseudonymisation key must be 32 bytes.", nameof(key));

    /// <summary>First 16 hex characters of SHA-256 of the key: tells the warehouse the key did not change.</summary>
    public string KeyId => Convert.ToHexStringLower(SHA256.HashData(_key))[..16];

    public string Pseudonym(string entity, string localId)
    {
        var message = Encoding.UTF8.GetBytes($"parcours:v1:{entity}:{producerCode}:{localId}");
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, message));
    }
}

/// <summary>
/// The per-installation pseudonymisation secret: 32 random bytes in a key file that lives outside the database and
/// outside every export (§9.4). Path: <c>PARCOURS_PSEUDONYM_KEY</c>, else <c>parcours-pseudonym.key</c> beside a SQLite
/// database file, else <c>~/.config/parcours/pseudonym.key</c>. Created on first use, readable by its owner only.
/// </summary>
public static class PseudonymKeyStore
{
    public const string EnvironmentVariable = "PARCOURS_PSEUDONYM_KEY";

    public static string DefaultPath(Data.DatabaseTarget target)
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured) return configured;
        if (target.Engine == Data.DatabaseEngine.Sqlite)
        {
            var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(target.ConnectionString);
            var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource)) ?? ".";
            return Path.Combine(folder, "parcours-pseudonym.key");
        }
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config", "parcours", "pseudonym.key");
    }

    /// <summary>Reads the key (64 hex characters), or creates it.</summary>
    public static byte[] LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            var text = File.ReadAllText(path).Trim();
            return Convert.FromHexString(text);
        }
        var key = RandomNumberGenerator.GetBytes(32);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, Convert.ToHexStringLower(key) + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return key;
    }
}
