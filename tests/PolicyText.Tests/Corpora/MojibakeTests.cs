using PolicyText.Internals;

namespace PolicyText.Tests.Corpora;

/// <summary>UTF-8 text decoded as Windows-1252 or Latin-1 before it reached PolicyText is analysed as it is, and flagged.</summary>
public class MojibakeTests
{
    [Theory]
    [InlineData("We don\u00E2\u20AC\u2122t accept it.", 1)] // don’t
    [InlineData("\u00E2\u20AC\u0153Free them,\u00E2\u20AC\u009D she said \u00E2\u20AC\u201D twice.", 3)] // “ ” —
    [InlineData("The r\u00C3\u00A9gime and the na\u00C3\u00AFve envoy.", 2)] // régime, naïve
    [InlineData("It was -20\u00C2\u00B0C at \u00C2\u00A0dawn.", 2)] // °, no-break space
    [InlineData("An \u00C3\u20AC la carte deal.", 1)] // À, whose second byte Windows-1252 reads as €
    [InlineData("We don\u00E2\u0080\u0099t accept it.", 1)] // don’t read as Latin-1: C1 controls
    [InlineData("It cost 5 \u00E2\u201A\u00AC, a \u00E2\u201E\u00A2 mark, \u00E2\u2020\u2019 next.", 3)] // € ™ →
    [InlineData("Ba\u00C5\u0178kan de\u00C4\u0178il ay\u00C4\u00B1.", 3)] // Turkish ş ğ ı
    // Not mojibake: the characters themselves, and capitals Ã and Â before letters.
    [InlineData("We don\u2019t accept the r\u00E9gime at -20\u00B0C.", 0)]
    [InlineData("S\u00C3O PAULO and \u00C2me, and a p\u00E2t\u00E9.", 0)]
    // Capitals Ã and Â that end a word before a closing mark, a dash, an ellipsis or a no-break space.
    [InlineData("\u201CAMANH\u00C3\u201D, \u00ABIRM\u00C3\u00BB, MA\u00C7\u00C3\u2019S, CIDAD\u00C3\u2026 \u0110\u00C3\u2026 IRM\u00C3\u00A0disse", 0)]
    [InlineData("\u00E2", 0)]
    [InlineData("\u00C3", 0)]
    [InlineData("", 0)]
    public void Counts_the_marks_of_utf8_read_as_windows_1252(string text, int expected) =>
        Assert.Equal(expected, Mojibake.Count(text));
}
