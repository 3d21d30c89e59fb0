namespace PolicyText.Text;

/// <summary>What a <see cref="Token"/> is. The kinds are documented in docs/tokenization.md.
/// The order puts the kinds most tokens have first, which the segmenter relies on to skip them in one comparison.</summary>
public enum TokenKind : byte
{
    /// <summary>A run of letters, digits and combining marks, possibly joined by hyphens,
    /// apostrophes or internal periods ("self-reliance", "O'Brien", "COVID-19").</summary>
    Word,
    /// <summary>Punctuation: one character, or a run of periods ("..."), of "!" and "?" ("?!"),
    /// or of hyphen-minus ("--").</summary>
    Punctuation,
    /// <summary>A clitic split off the word before it: "'s", "'re", "'ve", "'ll", "'d", "'m",
    /// and "n't".</summary>
    Clitic,
    /// <summary>A number as written, with its grouping, decimals, currency sign, percent sign or
    /// plural/ordinal suffix kept whole ("1,300", "3.5%", "$100.00", "1990s", "5th").</summary>
    Number,
    /// <summary>A symbol (math, currency, modifier or other symbol, including emoji with their
    /// modifiers and joiners).</summary>
    Symbol,
    /// <summary>A web address starting with a scheme ("https://") or "www.".</summary>
    Url,
    /// <summary>An e-mail address.</summary>
    Email,
    /// <summary>An abbreviation with its period: initialisms ("U.S.", "p.m."), listed
    /// abbreviations ("Dr.", "Jan.", "Sen."), and single-letter initials ("E.").</summary>
    Abbreviation,
    /// <summary>Anything else that is not white space: control characters, format characters other
    /// than the invisible ones that separate tokens (docs/tokenization.md), unpaired surrogates,
    /// private-use characters.</summary>
    Other,
}
