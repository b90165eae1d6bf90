using System.Text;
using Parcours.Core.Exchange;

namespace Parcours.Core.Tests.Exchange;

public sealed class CsvRecordReaderTests
{
    private static List<(int Line, List<string> Fields)> Read(byte[] bytes)
    {
        using var reader = new CsvRecordReader(new MemoryStream(bytes));
        var result = new List<(int, List<string>)>();
        var fields = new List<string>();
        while (reader.Read(fields)) result.Add((reader.RecordLine, fields.ToList()));
        return result;
    }

    private static List<(int Line, List<string> Fields)> Read(string text) => Read(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Read_BomSemicolonCrlfAndQuotedLineBreaks_RecordsWithTheirStartLines()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("a;b\r\n1;\"deux\r\nlignes\"\r\n\"x;\"\"y\"\"\";3\r\n")).ToArray();

        var records = Read(bytes);

        Assert.Equal(3, records.Count);
        Assert.Equal(["a", "b"], records[0].Fields);
        Assert.Equal((2, "deux\r\nlignes"), (records[1].Line, records[1].Fields[1]));
        Assert.Equal((4, "x;\"y\""), (records[2].Line, records[2].Fields[0]));
    }

    [Fact]
    public void Read_LfAndNoFinalLineBreak_Accepted()
    {
        var records = Read("a,b\n1,2\n3,4");
        Assert.Equal([1, 2, 3], records.Select(r => r.Line));
        Assert.Equal(["3", "4"], records[2].Fields);
    }

    [Theory]
    [InlineData("a,b\r\n\"1,2\r\n", "CSV_SYNTAX", 2)]
    [InlineData("a,b\r\n\"1\"x,2\r\n", "CSV_SYNTAX", 2)]
    [InlineData("a,b\r\n1,2\r\n\r\n3,4\r\n", "CSV_SYNTAX", 3)]
    [InlineData("a,b\r\n1,x\"y\r\n", "CSV_SYNTAX", 2)]
    public void Read_MalformedCsv_ThrowsWithLine(string text, string code, int line)
    {
        var e = Assert.Throws<CsvSyntaxException>(() => Read(text));
        Assert.Equal((code, line), (e.Code, e.Line));
    }

    [Fact]
    public void Read_InvalidUtf8_EncodingInvalid()
    {
        var bytes = Encoding.UTF8.GetBytes("a,b\r\n1,").Concat(new byte[] { 0xE9, 0x0D, 0x0A }).ToArray();
        var e = Assert.Throws<CsvSyntaxException>(() => Read(bytes));
        Assert.Equal("ENCODING_INVALID", e.Code);
    }

    [Fact]
    public void Writer_QuotesOnlyWhereNeeded_CrlfLineEndings()
    {
        var text = new StringWriter();
        new CsvRecordWriter(text).Write(["a", "b,c", "d\"e", null, "f\ng"]);
        Assert.Equal("a,\"b,c\",\"d\"\"e\",,\"f\ng\"\r\n", text.ToString());
    }
}

public sealed class PseudonymAndChecksTests
{
    [Fact]
    public void Pseudonym_SpecTestVector_Matches()
    {
        var key = Convert.FromHexString("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        var pseudonymiser = new Pseudonymiser(key, "90112345500015");

        Assert.Equal("630dcd2966c43366", pseudonymiser.KeyId);
        Assert.Equal("cf158fbfc5d1175596b1497b4228e7632bda0ab128d1c1c143a660a3dd39bc36", pseudonymiser.Pseudonym("participant", "P1"));
    }

    [Theory]
    [InlineData("285117511204584", true)]
    [InlineData("185012A00400117", true)]
    [InlineData("285117511204585", false)]
    public void Nir_AnnexExamples(string nir, bool valid) => Assert.Equal(valid, NirChecks.IsValid(nir));

    [Fact]
    public void KeyFile_CreatedOnceThenReused()
    {
        var path = Path.Combine(Path.GetTempPath(), $"parcours-key-{Guid.NewGuid():N}", "k.key");
        var first = PseudonymKeyStore.LoadOrCreate(path);
        var second = PseudonymKeyStore.LoadOrCreate(path);
        Assert.Equal(32, first.Length);
        Assert.Equal(first, second);
    }
}
