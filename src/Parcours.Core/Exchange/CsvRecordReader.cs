using System.Text;

namespace Parcours.Core.Exchange;

/// <summary>A CSV syntax problem: the physical line where the record starts and a French message.</summary>
public sealed class CsvSyntaxException(int line, string code, string message) : Exception(message)
{
    public int Line { get; } = line;
    public string Code { get; } = code;
}

/// <summary>
/// Streaming RFC 4180 reader (exchange format §3.1): strict UTF-8 (an invalid byte is an error), byte-order mark
/// skipped, separator detected from the header (the first <c>,</c> or <c>;</c>), CRLF or LF, quoted cells that span
/// lines. Each record carries the physical line where it starts. Never loads the whole file.
/// </summary>
public sealed class CsvRecordReader : IDisposable
{
    private readonly TextReader _reader;
    private readonly char[] _buffer = new char[64 * 1024];
    private int _length;
    private int _position;
    private int _line = 1;
    private readonly StringBuilder _field = new();
    private bool _eof;

    public CsvRecordReader(Stream stream)
    {
        _reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024);
    }

    /// <summary>The separator, known once the header has been read.</summary>
    public char Separator { get; private set; } = ',';

    /// <summary>The physical line where the last record read starts.</summary>
    public int RecordLine { get; private set; }

    private bool _headerRead;

    /// <summary>Reads the next record into <paramref name="fields"/>; false at the end of the file.</summary>
    /// <exception cref="CsvSyntaxException">Malformed CSV or invalid UTF-8.</exception>
    public bool Read(List<string> fields)
    {
        fields.Clear();
        try
        {
            if (!_headerRead)
            {
                _headerRead = true;
                if (Peek() == '\uFEFF') _position++;
                DetectSeparator();
            }
            return ReadRecord(fields);
        }
        catch (DecoderFallbackException)
        {
            throw new CsvSyntaxException(_line, "ENCODING_INVALID", "Le fichier n'est pas encodé en UTF-8.");
        }
    }

    private void DetectSeparator()
    {
        // Look ahead in the buffer for the first separator of the header line.
        Fill(force: true);
        for (var i = _position; i < _length; i++)
        {
            var c = _buffer[i];
            if (c == ',' || c == '\n' || c == '\r') { Separator = ','; return; }
            if (c == ';') { Separator = ';'; return; }
        }
    }

    private void Fill(bool force = false)
    {
        if (_position < _length && !force) return;
        if (_eof) return;
        if (_position > 0)
        {
            Array.Copy(_buffer, _position, _buffer, 0, _length - _position);
            _length -= _position;
            _position = 0;
        }
        while (_length < _buffer.Length)
        {
            var n = _reader.Read(_buffer, _length, _buffer.Length - _length);
            if (n == 0) { _eof = true; break; }
            _length += n;
            if (!force) break;
        }
    }

    private int Peek()
    {
        Fill();
        return _position < _length ? _buffer[_position] : -1;
    }

    private int Next()
    {
        Fill();
        return _position < _length ? _buffer[_position++] : -1;
    }

    private bool ReadRecord(List<string> fields)
    {
        if (Peek() == -1) return false;
        RecordLine = _line;
        // An empty line: the very last one is ignored, any other is an error (§3.1).
        var first = Peek();
        if (first == '\r' || first == '\n')
        {
            Next();
            if (first == '\r' && Peek() == '\n') Next();
            _line++;
            if (Peek() == -1) return false;
            throw new CsvSyntaxException(RecordLine, "CSV_SYNTAX", "Ligne CSV mal formée (ligne vide).");
        }
        var sep = Separator;
        while (true)
        {
            _field.Clear();
            var c = Peek();
            if (c == '"')
            {
                Next();
                while (true)
                {
                    var q = Next();
                    if (q == -1) throw new CsvSyntaxException(RecordLine, "CSV_SYNTAX", "Ligne CSV mal formée (guillemets non refermés).");
                    if (q == '"')
                    {
                        if (Peek() == '"') { Next(); _field.Append('"'); continue; }
                        break;
                    }
                    if (q == '\n') _line++;
                    else if (q == '\r' && Peek() != '\n') _line++;
                    _field.Append((char)q);
                }
                var after = Peek();
                if (after != sep && after != '\r' && after != '\n' && after != -1)
                    throw new CsvSyntaxException(RecordLine, "CSV_SYNTAX", "Ligne CSV mal formée (caractère après des guillemets fermants).");
            }
            else
            {
                while (true)
                {
                    var d = Peek();
                    if (d == -1 || d == sep || d == '\r' || d == '\n') break;
                    if (d == '"') throw new CsvSyntaxException(RecordLine, "CSV_SYNTAX", "Ligne CSV mal formée (guillemet dans une valeur non entourée de guillemets).");
                    _field.Append((char)d);
                    _position++;
                }
            }
            fields.Add(_field.ToString());
            var end = Next();
            if (end == sep) continue;
            if (end == '\r')
            {
                if (Peek() == '\n') Next();
                _line++;
            }
            else if (end == '\n') _line++;
            return true;
        }
    }

    public void Dispose() => _reader.Dispose();
}

/// <summary>Writes canonical CSV (§3.6): comma, quotes only where needed, CRLF, no byte-order mark.</summary>
public sealed class CsvRecordWriter(TextWriter writer, char separator = ',')
{
    public void Write(IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) writer.Write(separator);
            var value = fields[i];
            if (string.IsNullOrEmpty(value)) continue;
            if (value.AsSpan().IndexOfAny([separator, '"', '\r', '\n']) >= 0)
            {
                writer.Write('"');
                writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
                writer.Write('"');
            }
            else writer.Write(value);
        }
        writer.Write("\r\n");
    }
}
