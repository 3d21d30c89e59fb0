using System.Text;

namespace PolicyText.Internals;

/// <summary>Opens text files by their byte order mark, counting the invalid byte sequences decoded to U+FFFD in every encoding.</summary>
internal static class TextDecoding
{
    /// <summary>
    /// A reader of <paramref name="stream"/> (from its current position) in the encoding its byte
    /// order mark names (UTF-32, UTF-16, either byte order, or UTF-8; UTF-8 without one), the mark
    /// skipped, with each invalid byte sequence decoded to U+FFFD through <paramref name="fallback"/>,
    /// which counts them. (A reader left to detect the mark itself would decode UTF-16 and UTF-32
    /// with its own decoder, which replaces without counting.)
    /// </summary>
    public static StreamReader Open(Stream stream, CountingDecoderFallback fallback, bool leaveOpen = false)
    {
        Span<byte> head = stackalloc byte[4];
        long start = stream.Position;
        head = head[..stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)];
        (Encoding encoding, int mark) =
            head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]) ? (new UTF32Encoding(bigEndian: false, byteOrderMark: false), 4)
            : head.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]) ? (new UTF32Encoding(bigEndian: true, byteOrderMark: false), 4)
            : head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ? (new UnicodeEncoding(bigEndian: false, byteOrderMark: false), 2)
            : head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? (new UnicodeEncoding(bigEndian: true, byteOrderMark: false), 2)
            : head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? (new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 3)
            : ((Encoding)new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 0);
        stream.Position = start + mark;
        var counting = (Encoding)encoding.Clone();
        counting.DecoderFallback = fallback;
        return new StreamReader(stream, counting, detectEncodingFromByteOrderMarks: false, leaveOpen: leaveOpen);
    }
}
