using CsvHelper;

namespace PolicyText.Export;

/// <summary>The one CSV dialect of every file PolicyText writes (docs/csv-schema.md).</summary>
internal static class CsvFormat
{
    /// <summary>
    /// RFC 4180, comma, quote when needed, LF line endings, invariant culture, no byte order mark;
    /// text cells that start with = + - @ tab or CR get a leading ' so that a spreadsheet shows them
    /// as text (OWASP's advice against formula injection).
    /// </summary>
    public static CsvWriterOptions Options { get; } = CsvWriterOptions.Default with
    {
        NewLine = "\n",
        FormatProvider = System.Globalization.CultureInfo.InvariantCulture,
        Injection = CsvInjection.Escape,
    };

    /// <summary>The same, with text cells written exactly as they are.</summary>
    public static CsvWriterOptions RawOptions { get; } = Options with { Injection = CsvInjection.None };

    /// <summary>Rounds a confidence to four decimals, so that files are stable across platforms' float formatting.</summary>
    public static double Round(float value) => Math.Round((double)value, 4, MidpointRounding.ToEven);
}
