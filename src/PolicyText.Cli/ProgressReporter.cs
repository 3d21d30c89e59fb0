using System.Diagnostics;
using System.Globalization;
using PolicyText.Corpora;

namespace PolicyText.Cli;

/// <summary>
/// Shows a run's progress on standard error: on a terminal a status line rewritten a few times a
/// second, otherwise a plain line every few seconds. Thread-safe.
/// </summary>
internal sealed class ProgressReporter : IProgress<CorpusRunProgress>
{
    private readonly TextWriter _writer;
    private readonly bool _terminal;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly TimeSpan _interval;
    private readonly Lock _gate = new();
    private TimeSpan _last;

    private readonly long? _total;

    public ProgressReporter(TextWriter writer, bool terminal, long? total)
    {
        _writer = writer;
        _terminal = terminal;
        _total = total;
        _interval = terminal ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromSeconds(5);
    }

    public void Report(CorpusRunProgress value)
    {
        lock (_gate)
        {
            var now = _clock.Elapsed;
            if (now - _last < _interval)
            {
                return;
            }

            _last = now;
            var line = Format(value, now, _total);
            _writer.Write(_terminal ? "\r" + line + "   " : line + Environment.NewLine);
        }
    }

    /// <summary>Ends the status line on a terminal.</summary>
    public void Done()
    {
        if (_terminal && _last > TimeSpan.Zero)
        {
            _writer.WriteLine();
        }
    }

    internal static string Format(CorpusRunProgress value, TimeSpan elapsed, long? total)
    {
        double seconds = Math.Max(elapsed.TotalSeconds, 0.001);
        double mb = value.Characters / 1e6;
        // MB counts the text analysed: documents that could not be read add none, so say how many.
        var failed = value.Failed > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({value.Failed:N0} not analysed)") : string.Empty;
        var rate = string.Create(CultureInfo.InvariantCulture,
            $"{value.Documents / seconds:F0} documents/s, {mb / seconds:F1} MB/s");
        if (total is > 0 and var all)
        {
            double share = Math.Min(1, value.Documents / (double)all);
            int filled = (int)(share * 30);
            return string.Create(CultureInfo.InvariantCulture,
                $"[{new string('#', filled)}{new string('.', 30 - filled)}] {share:P0} {value.Documents:N0}/{all:N0} documents{failed}, {mb:F1} MB, {rate}");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{value.Documents:N0} documents{failed}, {mb:F1} MB in {elapsed.TotalSeconds:F0} s: {rate}");
    }
}
