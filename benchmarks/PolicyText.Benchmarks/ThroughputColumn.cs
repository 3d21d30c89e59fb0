using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace PolicyText.Benchmarks;

/// <summary>
/// A summary column with the throughput of each benchmark: the input's UTF-8 size in megabytes
/// (10^6 bytes) divided by the benchmark's mean time in seconds. It reads the same mean the
/// "Mean" column shows, so the two always agree.
/// </summary>
/// <param name="utf8Bytes">The UTF-8 byte length of the input one invocation processes; read only when the summary is built.</param>
public sealed class ThroughputColumn(Func<long> utf8Bytes) : IColumn
{
    /// <inheritdoc/>
    public string Id => nameof(ThroughputColumn);

    /// <inheritdoc/>
    public string ColumnName => "MB/s";

    /// <inheritdoc/>
    public bool AlwaysShow => true;

    /// <inheritdoc/>
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc/>
    public int PriorityInCategory => 0;

    /// <inheritdoc/>
    public bool IsNumeric => true;

    /// <inheritdoc/>
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc/>
    public string Legend => "Throughput: UTF-8 megabytes (10^6 bytes) of input per second, from the Mean";

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(summary);
        double? meanNanoseconds = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (meanNanoseconds is not > 0)
        {
            return "NA";
        }

        double megabytesPerSecond = utf8Bytes() / 1e6 / (meanNanoseconds.Value / 1e9);
        return megabytesPerSecond.ToString("N1", style?.CultureInfo ?? CultureInfo.InvariantCulture);
    }

    /// <inheritdoc/>
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc/>
    public override string ToString() => ColumnName;
}
