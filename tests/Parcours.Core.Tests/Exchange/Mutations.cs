using System.Text;

namespace Parcours.Core.Tests.Exchange;

/// <summary>Ways to break a valid CSV file: each one must make the dataset invalid.</summary>
public static class Mutations
{
    public const int Count = 10;

    public static string Apply(string path, int kind, Random random)
    {
        var text = File.ReadAllText(path);
        var lines = text.Split("\r\n").ToList();
        if (lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        var header = lines[0].Split(',').ToList();
        var row = lines.Count > 1 ? random.Next(1, lines.Count) : 0;
        switch (kind)
        {
            case 0: // drop a required column (the key)
                lines = lines.Select(l => string.Join(',', l.Split(',').Skip(1))).ToList();
                Write(path, lines);
                return "dropped key column";
            case 1: // unknown column
                lines[0] += ",colonne_inconnue";
                for (var i = 1; i < lines.Count; i++) lines[i] += ",";
                Write(path, lines);
                return "unknown column";
            case 2: // broken quotes
                lines[row] = "\"" + lines[row];
                Write(path, lines);
                return "broken quote";
            case 3: // truncated file: cut in the middle of a record
                var bytes = File.ReadAllBytes(path);
                var cut = lines.Count > 2 ? bytes.Length - 3 : bytes.Length / 2;
                File.WriteAllBytes(path, bytes[..cut].Concat(Encoding.UTF8.GetBytes(",\"")).ToArray());
                return "truncated";
            case 4: // wrong encoding: Latin-1 accents
                File.WriteAllBytes(path, Encoding.Latin1.GetBytes(text + "é"));
                return "latin-1";
            case 5: // bad code in a coded column (else the second column: a reference or a month in the files without such a column)
                var codeColumn = header.FindIndex(h => h is "kind" or "sex" or "scheme" or "step_type" or "barrier_code" or "role"
                    or "status" or "funder_kind" or "action_type" or "legal_basis" or "modality");
                if (codeColumn < 0) codeColumn = 1;
                var cells = lines[row].Split(',');
                cells[codeColumn] = "CODE_INEXISTANT";
                lines[row] = string.Join(',', cells);
                Write(path, lines);
                return "bad code";
            case 6: // duplicated key
                lines.Add(lines[row]);
                Write(path, lines);
                return "duplicate row";
            case 7: // missing field
                var parts = lines[row].Split(',').ToList();
                parts.RemoveAt(parts.Count - 1);
                lines[row] = string.Join(',', parts);
                Write(path, lines);
                return "missing field";
            case 8: // empty line in the middle
                lines.Insert(Math.Max(1, row), "");
                Write(path, lines);
                return "empty line";
            default: // empty required key
                var keyCells = lines[row].Split(',');
                keyCells[0] = "";
                lines[row] = string.Join(',', keyCells);
                if (row == 0) lines.Add(string.Join(',', keyCells));
                Write(path, lines);
                return "empty key";
        }
    }

    private static void Write(string path, List<string> lines) => File.WriteAllText(path, string.Join("\r\n", lines) + "\r\n");
}
