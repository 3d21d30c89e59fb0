using System.Text;
using System.Text.Unicode;

namespace PolicyText.Internals;

/// <summary>
/// Reads the lines of a UTF-8 stream, each with whether its own bytes are valid UTF-8, so that
/// invalid bytes are reported on the line that holds them (a literal U+FFFD is text like any
/// other). Lines end at "\n", "\r\n" or "\r", as <see cref="StreamReader.ReadLine"/> ends them
/// (neither byte occurs inside a UTF-8 sequence); a UTF-8 byte order mark at the start is
/// skipped; invalid bytes become U+FFFD in the line's text.
/// </summary>
internal sealed class Utf8LineReader(Stream stream) : IDisposable
{
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _eof;
    private bool _started;

    /// <summary>Whether <paramref name="prefix"/> (the first bytes of a file) is a UTF-16 or UTF-32 byte order mark, which this reader does not decode.</summary>
    public static bool IsWideByteOrderMark(ReadOnlySpan<byte> prefix) =>
        prefix.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || prefix.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || prefix.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]);

    /// <summary>Reads the next line.</summary>
    /// <param name="line">The line's text, without its line end.</param>
    /// <param name="valid">Whether the line's bytes are valid UTF-8.</param>
    /// <returns>Whether there was a line (false at the end of the stream).</returns>
    public bool TryReadLine(out string line, out bool valid)
    {
        if (!_started)
        {
            _started = true;
            while (!_eof && _end < 3)
            {
                Fill();
            }

            if (_buffer.AsSpan(0, _end).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                _start = 3;
            }
        }

        while (true)
        {
            int found = _buffer.AsSpan(_start, _end - _start).IndexOfAny((byte)'\n', (byte)'\r');
            if (found >= 0)
            {
                int lineEnd = _start + found;
                if (_buffer[lineEnd] == '\r' && lineEnd + 1 == _end && !_eof)
                {
                    // Whether "\n" follows is in the next read.
                    Fill();
                    continue;
                }

                Take(lineEnd, out line, out valid);
                _start = lineEnd + (_buffer[lineEnd] == '\r' && lineEnd + 1 < _end && _buffer[lineEnd + 1] == '\n' ? 2 : 1);
                return true;
            }

            if (_eof)
            {
                if (_start == _end)
                {
                    line = string.Empty;
                    valid = true;
                    return false;
                }

                Take(_end, out line, out valid);
                _start = _end;
                return true;
            }

            Fill();
        }
    }

    /// <inheritdoc/>
    public void Dispose() => stream.Dispose();

    private void Take(int lineEnd, out string line, out bool valid)
    {
        var bytes = _buffer.AsSpan(_start, lineEnd - _start);
        valid = Utf8.IsValid(bytes);
        line = Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Reads more of the stream after the unread bytes, moving them to the front and growing the buffer when it is full.</summary>
    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        int read = stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }
        else
        {
            _end += read;
        }
    }
}
