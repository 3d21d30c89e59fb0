using System.Text;
using System.Text.Unicode;

namespace PolicyText.Internals;

/// <summary>
/// Reads the lines of a UTF-8 stream, each with whether its own bytes are valid UTF-8, so that
/// invalid bytes are reported on the line that holds them (a literal U+FFFD is text like any
/// other). Lines end at "\n", "\r\n" or "\r", as <see cref="StreamReader.ReadLine"/> ends them
/// (neither byte occurs inside a UTF-8 sequence); a UTF-8 byte order mark at the start is
/// skipped; invalid bytes become U+FFFD in the line's text. A line of more than
/// <c>maxLineBytes</c> bytes is not held in memory: its bytes are counted and skipped, and it is
/// returned with an empty text and its length (see <see cref="TryReadLine(out string, out bool, out long)"/>).
/// </summary>
internal sealed class Utf8LineReader(Stream stream, int maxLineBytes = Utf8LineReader.MaxBuffer) : IDisposable
{
    /// <summary>The longest line the reader can hold: its buffer is an array of bytes, at most <see cref="Array.MaxLength"/>.</summary>
    public const int MaxBuffer = 0x7FFFFFC7;

    private readonly int _maxLineBytes = Math.Clamp(maxLineBytes, 1, MaxBuffer);
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
        bool read = TryReadLine(out line, out valid, out long skipped);
        if (skipped > 0)
        {
            throw new IOException($"A line of more than {_maxLineBytes:N0} bytes ({skipped:N0}) is too long to read.");
        }

        return read;
    }

    /// <summary>Reads the next line; one longer than the limit is skipped and counted.</summary>
    /// <param name="line">The line's text, without its line end; empty for a line skipped.</param>
    /// <param name="valid">Whether the line's bytes are valid UTF-8 (true for a line skipped).</param>
    /// <param name="skipped">0, or for a line over the limit, its length in bytes (not read).</param>
    /// <returns>Whether there was a line (false at the end of the stream).</returns>
    public bool TryReadLine(out string line, out bool valid, out long skipped)
    {
        skipped = 0;
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

                if (lineEnd - _start > _maxLineBytes)
                {
                    line = string.Empty;
                    valid = true;
                    skipped = lineEnd - _start;
                }
                else
                {
                    Take(lineEnd, out line, out valid);
                }

                _start = lineEnd + (_buffer[lineEnd] == '\r' && lineEnd + 1 < _end && _buffer[lineEnd + 1] == '\n' ? 2 : 1);
                return true;
            }

            if (_end - _start > _maxLineBytes)
            {
                line = string.Empty;
                valid = true;
                skipped = Skip();
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

    /// <summary>Skips the rest of a line that has no end among the unread bytes, and its line end: the bytes of the line.</summary>
    private long Skip()
    {
        long count = 0;
        while (true)
        {
            int found = _buffer.AsSpan(_start, _end - _start).IndexOfAny((byte)'\n', (byte)'\r');
            if (found < 0)
            {
                count += _end - _start;
                _start = _end;
                if (_eof)
                {
                    return count;
                }

                Fill();
                continue;
            }

            count += found;
            int lineEnd = _start + found;
            _start = lineEnd + 1;
            if (_buffer[lineEnd] == '\r')
            {
                if (_start == _end && !_eof)
                {
                    Fill();
                }

                if (_start < _end && _buffer[_start] == '\n')
                {
                    _start++;
                }
            }

            return count;
        }
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
            if (_buffer.Length >= MaxBuffer)
            {
                throw new IOException($"A line of more than {MaxBuffer:N0} bytes is too long to read.");
            }

            // No bigger than the longest line kept needs (with room to see that a line is longer).
            Array.Resize(ref _buffer, (int)Math.Min(MaxBuffer, Math.Min(2L * _buffer.Length, _maxLineBytes + (64L * 1024))));
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
