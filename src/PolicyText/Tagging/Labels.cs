namespace PolicyText.Tagging;

/// <summary>The rights category of a sentence (docs/codebook.md, task 1).</summary>
public enum RightsCategory
{
    /// <summary><c>none</c>: no rights content.</summary>
    None,

    /// <summary><c>freedom</c>: civil and political rights and physical integrity.</summary>
    Freedom,

    /// <summary><c>economic_social</c>: economic, social and cultural rights and basic needs.</summary>
    EconomicSocial,

    /// <summary><c>both</c>: both families, substantively.</summary>
    Both,

    /// <summary><c>general</c>: human rights, abuses or violations without saying which.</summary>
    General,
}

/// <summary>The author's stance on sanctions linkage in a sentence (docs/codebook.md, task 2).</summary>
public enum LinkageStance
{
    /// <summary><c>none</c>: not about this topic.</summary>
    None,

    /// <summary><c>pro_linkage</c>: tie human rights to talks, sanctions, relief, aid or normalisation.</summary>
    ProLinkage,

    /// <summary><c>anti_linkage</c>: keep them apart.</summary>
    AntiLinkage,

    /// <summary><c>neutral</c>: on the topic, no side taken.</summary>
    Neutral,
}

/// <summary>A document's rights emphasis (docs/codebook.md, document level).</summary>
public enum RightsEmphasis
{
    /// <summary><c>none</c>: no rights content.</summary>
    None,

    /// <summary><c>freedom</c>: mostly civil and political rights.</summary>
    Freedom,

    /// <summary><c>economic_social</c>: mostly economic and social rights.</summary>
    EconomicSocial,

    /// <summary><c>balanced</c>: both families in similar measure.</summary>
    Balanced,

    /// <summary><c>general</c>: rights mentioned only in general.</summary>
    General,
}

/// <summary>A document's stance on sanctions linkage (docs/codebook.md, document level).</summary>
public enum DocumentLinkage
{
    /// <summary><c>none</c>: the topic does not come up.</summary>
    None,

    /// <summary><c>pro_linkage</c>: argues for linkage.</summary>
    ProLinkage,

    /// <summary><c>anti_linkage</c>: argues against linkage.</summary>
    AntiLinkage,

    /// <summary><c>mixed</c>: argues both ways.</summary>
    Mixed,

    /// <summary><c>neutral</c>: on the topic, no side taken.</summary>
    Neutral,
}

/// <summary>The codebook's names for the labels (<c>economic_social</c>, <c>pro_linkage</c>, …), used in files and output.</summary>
public static class LabelCodes
{
    private static readonly string[] Rights = ["none", "freedom", "economic_social", "both", "general"];
    private static readonly string[] Linkage = ["none", "pro_linkage", "anti_linkage", "neutral"];
    private static readonly string[] Emphasis = ["none", "freedom", "economic_social", "balanced", "general"];
    private static readonly string[] DocLinkage = ["none", "pro_linkage", "anti_linkage", "mixed", "neutral"];

    /// <summary>The rights labels in the codebook's order: freedom, economic_social, both, general, none.</summary>
    public static IReadOnlyList<string> RightsVocabulary { get; } = ["freedom", "economic_social", "both", "general", "none"];

    /// <summary>The linkage labels in the codebook's order: pro_linkage, anti_linkage, neutral, none.</summary>
    public static IReadOnlyList<string> LinkageVocabulary { get; } = ["pro_linkage", "anti_linkage", "neutral", "none"];

    /// <summary>The codebook name of a rights category.</summary>
    /// <param name="value">The category.</param>
    /// <returns>Its name.</returns>
    public static string ToCode(this RightsCategory value) => Code(Rights, (int)value, value);

    /// <summary>The codebook name of a linkage stance.</summary>
    /// <param name="value">The stance.</param>
    /// <returns>Its name.</returns>
    public static string ToCode(this LinkageStance value) => Code(Linkage, (int)value, value);

    /// <summary>The codebook name of a rights emphasis.</summary>
    /// <param name="value">The emphasis.</param>
    /// <returns>Its name.</returns>
    public static string ToCode(this RightsEmphasis value) => Code(Emphasis, (int)value, value);

    /// <summary>The codebook name of a document linkage stance.</summary>
    /// <param name="value">The stance.</param>
    /// <returns>Its name.</returns>
    public static string ToCode(this DocumentLinkage value) => Code(DocLinkage, (int)value, value);

    /// <summary>The name of label <paramref name="index"/> in <paramref name="names"/>; an undefined value of an enum is an argument error, not an index error.</summary>
    private static string Code<T>(string[] names, int index, T value)
        where T : struct, Enum =>
        (uint)index < (uint)names.Length ? names[index] : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a {typeof(T).Name} of the codebook.");

    /// <summary>Parses a rights category name.</summary>
    /// <param name="code">The name.</param>
    /// <param name="value">The category.</param>
    /// <returns>Whether <paramref name="code"/> is a name of the vocabulary.</returns>
    public static bool TryParse(string? code, out RightsCategory value) => TryFind(Rights, code, out value);

    /// <summary>Parses a linkage stance name.</summary>
    /// <param name="code">The name.</param>
    /// <param name="value">The stance.</param>
    /// <returns>Whether <paramref name="code"/> is a name of the vocabulary.</returns>
    public static bool TryParse(string? code, out LinkageStance value) => TryFind(Linkage, code, out value);

    /// <summary>Parses a rights emphasis name.</summary>
    /// <param name="code">The name.</param>
    /// <param name="value">The emphasis.</param>
    /// <returns>Whether <paramref name="code"/> is a name of the vocabulary.</returns>
    public static bool TryParse(string? code, out RightsEmphasis value) => TryFind(Emphasis, code, out value);

    /// <summary>Parses a document linkage stance name.</summary>
    /// <param name="code">The name.</param>
    /// <param name="value">The stance.</param>
    /// <returns>Whether <paramref name="code"/> is a name of the vocabulary.</returns>
    public static bool TryParse(string? code, out DocumentLinkage value) => TryFind(DocLinkage, code, out value);

    private static bool TryFind<T>(string[] names, string? code, out T value)
        where T : struct, Enum
    {
        int i = code is null ? -1 : Array.IndexOf(names, code);
        value = i < 0 ? default : (T)(object)i;
        return i >= 0;
    }
}
