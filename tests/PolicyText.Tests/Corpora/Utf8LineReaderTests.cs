using System.Text;
using PolicyText.Corpora;
using PolicyText.Internals;

namespace PolicyText.Tests.Corpora;

public class Utf8LineReaderTests
{
    private static List<(string Line, bool Valid)> Read(byte[] bytes)
    {
        var lines = new List<(string, bool)>();
        using var reader = new Utf8LineReader(new MemoryStream(bytes));
        while (reader.TryReadLine(out var line, out bool valid))
        {
            lines.Add((line, valid));
        }

        return lines;
    }

    private static List<string> ReadWithStreamReader(byte[] bytes)
    {
        var lines = new List<string>();
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }

    public static TheoryData<string> Texts => new()
    {
        "",
        "a",
        "a\n",
        "a\nb",
        "a\r\nb\r\n",
        "a\rb\r",
        "\n\n\r\n\r",
        "\uFEFFwith a byte order mark\nand a second line",
        "caf\u00e9 \u2014 \uFFFD literal replacement character\r\n\u4e2d\u6587\n\U0001F600",
        // A carriage return at the end of the reader's first 64 KB buffer, then a line feed.
        new string('x', (64 * 1024) - 1) + "\r\nnext",
        new string('y', 64 * 1024) + "\rnext\r",
        // A line several times the buffer's size.
        new string('z', 300_000) + "\nshort",
    };

    /// <summary>StreamReader's lines, with every line longer than <paramref name="max"/> (in UTF-8 bytes, or characters) as an empty line and its length.</summary>
    private static List<(string Line, long Skipped)> Expected(string text, int max, bool bytes) =>
        [.. ReadWithStreamReader(Encoding.UTF8.GetBytes(text)).Select(l => (bytes ? Encoding.UTF8.GetByteCount(l) : l.Length) > max ? (string.Empty, (long)(bytes ? Encoding.UTF8.GetByteCount(l) : l.Length)) : (l, 0L))];

    [Theory]
    [MemberData(nameof(Texts))]
    public void A_line_over_the_limit_is_skipped_and_counted_and_the_others_read(string text)
    {
        foreach (int max in new[] { 1, 3, 5, 4095, 64 * 1024, 200_000 })
        {
            var lines = new List<(string, long)>();
            using (var reader = new Utf8LineReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), max))
            {
                while (reader.TryReadLine(out var line, out _, out long skipped))
                {
                    lines.Add((line, skipped));
                }
            }

            // The byte order mark is not part of the first line (a decoder takes it before CappedLines).
            var withoutMark = text.TrimStart('\uFEFF');
            Assert.Equal(Expected(withoutMark, max, bytes: true), lines);
            Assert.Equal(Expected(withoutMark, max, bytes: false), JsonLinesCorpus.CappedLines(new StringReader(withoutMark), max).ToList());
        }
    }

    [Fact]
    public void The_two_argument_read_refuses_a_line_over_the_limit_with_an_io_error()
    {
        using var reader = new Utf8LineReader(new MemoryStream("short\nmuch longer line\n"u8.ToArray()), 8);
        Assert.True(reader.TryReadLine(out var first, out _));
        Assert.Equal("short", first);
        Assert.Throws<IOException>(() => reader.TryReadLine(out _, out _));
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Valid_utf8_gives_the_lines_stream_reader_gives(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var lines = Read(bytes);
        Assert.Equal(ReadWithStreamReader(bytes), lines.Select(l => l.Line));
        Assert.All(lines, l => Assert.True(l.Valid));
    }

    [Fact]
    public void Invalid_bytes_are_reported_on_their_own_line_and_replaced()
    {
        byte[] bytes = [.. "ok \uFFFD\n"u8.ToArray(), (byte)'b', 0xE9, (byte)'c', (byte)'\r', (byte)'\n', .. "fine"u8.ToArray(), 0xC3];
        var lines = Read(bytes);
        Assert.Equal([("ok \uFFFD", true), ("b\uFFFDc", false), ("fine\uFFFD", false)], lines);
    }

    [Fact]
    public void A_json_lines_file_flags_only_the_line_whose_bytes_are_invalid_not_a_literal_replacement_character()
    {
        using var tmp = new PolicyText.Tests.Cli.TempDir();
        var input = Path.Combine(tmp.Path, "in.jsonl");
        // Line 1 holds U+FFFD as text, line 2 an invalid byte, line 3 U+FFFD as text again.
        File.WriteAllBytes(input, [.. Encoding.UTF8.GetBytes("{\"id\": \"a\", \"text\": \"A \uFFFD.\"}\n{\"id\": \"b\", \"text\": \"Caf"), 0xE9, .. Encoding.UTF8.GetBytes(".\"}\n{\"id\": \"c\", \"text\": \"C \uFFFD.\"}\n")]);
        var items = JsonLinesCorpus.ReadItems(input).ToList();
        Assert.Equal(3, items.Count);
        Assert.All(items, i => Assert.NotNull(i.Document));
        Assert.Equal([null, "invalid_bytes_replaced", null], items.Select(i => i.Error?.Code));
        Assert.Equal("Caf\uFFFD.", items[1].Document!.Text);
        Assert.Equal("A \uFFFD.", items[0].Document!.Text);
    }

    [Fact]
    public void A_json_lines_file_in_utf16_is_still_read()
    {
        using var tmp = new PolicyText.Tests.Cli.TempDir();
        var input = Path.Combine(tmp.Path, "in.jsonl");
        File.WriteAllBytes(input, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("{\"id\": \"a\", \"text\": \"Wide text.\"}\r\n{\"id\": \"b\", \"text\": \"More.\"}\r\n")]);
        var items = JsonLinesCorpus.ReadItems(input).ToList();
        Assert.Equal(["Wide text.", "More."], items.Select(i => i.Document!.Text));
        Assert.All(items, i => Assert.Null(i.Error));
    }
}
