using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Parcours.Core.Documents;

/// <summary>
/// The PDF file format itself (PDF 1.4, ISO 32000-1 §7.5): numbered indirect objects, Flate-compressed streams,
/// the cross-reference table with the byte offset of every object, the trailer. Knows nothing about layout.
/// </summary>
internal sealed class PdfFile
{
    private readonly List<byte[]?> _objects = [];

    /// <summary>Reserves an object number, to be referenced before its content is known.</summary>
    public int Reserve()
    {
        _objects.Add(null);
        return _objects.Count;
    }

    /// <summary>Sets an object to a dictionary or any other PDF value, written as ASCII.</summary>
    public void Set(int number, string value) => _objects[number - 1] = Encoding.ASCII.GetBytes(value);

    /// <summary>Sets an object to a stream, compressed with Flate (zlib), its length and filter added to <paramref name="dictionary"/> entries.</summary>
    public void SetStream(int number, byte[] data, string dictionaryEntries = "")
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(data);
        var body = compressed.ToArray();
        var head = Encoding.ASCII.GetBytes($"<< {dictionaryEntries}{(dictionaryEntries.Length > 0 ? " " : "")}/Length {body.Length} /Filter /FlateDecode >>\nstream\n");
        var tail = "\nendstream"u8.ToArray();
        _objects[number - 1] = [.. head, .. body, .. tail];
    }

    public byte[] Write(int root, int info)
    {
        using var output = new MemoryStream();
        void Ascii(string text) => output.Write(Encoding.ASCII.GetBytes(text));
        Ascii("%PDF-1.4\n");
        // A comment of bytes above 127 so that transfer programs treat the file as binary (§7.5.2).
        output.Write([(byte)'%', 0xE2, 0xE3, 0xCF, 0xD3, (byte)'\n']);
        var offsets = new long[_objects.Count];
        for (var i = 0; i < _objects.Count; i++)
        {
            var content = _objects[i] ?? throw new InvalidOperationException($"PDF object {i + 1} reserved but never set.");
            offsets[i] = output.Position;
            Ascii($"{i + 1} 0 obj\n");
            output.Write(content);
            Ascii("\nendobj\n");
        }
        var xref = output.Position;
        var table = new StringBuilder();
        table.Append("xref\n0 ").Append(_objects.Count + 1).Append('\n');
        table.Append("0000000000 65535 f \n"); // every entry is exactly 20 bytes
        foreach (var offset in offsets) table.Append(offset.ToString("D10", CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        table.Append("trailer\n<< /Size ").Append(_objects.Count + 1).Append(" /Root ").Append(root).Append(" 0 R /Info ").Append(info).Append(" 0 R >>\n");
        table.Append("startxref\n").Append(xref.ToString(CultureInfo.InvariantCulture)).Append("\n%%EOF\n");
        Ascii(table.ToString());
        return output.ToArray();
    }

    /// <summary>A text string of the document information: UTF-16BE with its byte order mark, in hexadecimal (§7.9.2.2).</summary>
    public static string TextString(string text)
    {
        var sb = new StringBuilder("<FEFF");
        foreach (var b in Encoding.BigEndianUnicode.GetBytes(text)) sb.Append(b.ToString("X2", CultureInfo.InvariantCulture));
        return sb.Append('>').ToString();
    }

    /// <summary>A date (§7.9.4), in UTC: D:YYYYMMDDHHmmSSZ.</summary>
    public static string Date(DateTimeOffset instant) =>
        "(D:" + instant.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "Z)";
}
