using System.Globalization;
using System.Text;

namespace PolicyText.Benchmarks;

/// <summary>
/// Builds a synthetic English op-ed corpus in memory: paragraphs of sentences about human rights,
/// sanctions, food, water, health and denuclearization, with the things that make tokenizing
/// real prose hard (abbreviations, initialisms, grouped numbers and percentages, possessives,
/// contractions, hyphenated compounds, quotes, parentheses, questions, em dashes, blank lines).
/// The output depends only on the seed, so every benchmark process sees the same text and it
/// never has to be stored in the repository. The people, quotations, figures and sources are
/// invented; the sentences are random recombinations, not claims.
/// </summary>
public static class CorpusGenerator
{
    /// <summary>The seed the benchmarks use.</summary>
    public const int DefaultSeed = 20_240_611;

    /// <summary>The corpus stops at the first paragraph end at or after this many UTF-16 chars.</summary>
    public const int DefaultTargetChars = 10_500_000;

    private static readonly Lazy<string> s_default = new(() => Generate(DefaultSeed, DefaultTargetChars));

    /// <summary>The corpus for <see cref="DefaultSeed"/> and <see cref="DefaultTargetChars"/>, generated once per process.</summary>
    public static string Default => s_default.Value;

    /// <summary>UTF-8 byte length of <see cref="Default"/>; the "MB" in the throughput column.</summary>
    public static long DefaultUtf8Bytes => s_defaultUtf8Bytes.Value;

    private static readonly Lazy<long> s_defaultUtf8Bytes = new(() => Encoding.UTF8.GetByteCount(Default));

    // Singular subjects take any verb phrase; plural ones only the verb phrases that agree with both.
    private static readonly string[] Actors =
    [
        "the U.S. government", "Washington", "Pyongyang", "the regime", "North Korea's leadership",
        "the U.N. Security Council", "Dr. Kim", "China", "South Korea's president",
        "the European Union", "Mr. Lee", "Ms. Park", "the World Food Programme", "Seoul", "Beijing",
        "Tokyo", "the State Department", "Congress", "the Red Cross", "Prof. Choi", "the Treasury",
        "the ruling party", "Gen. Ri", "the health ministry", "the international community",
        "Sen. Hallorann", "the rights commission", "the E.U. delegation", "Moscow",
    ];

    private static readonly string[] PluralActors =
    [
        "aid agencies", "humanitarian groups", "defectors", "U.N. special rapporteurs",
        "donor governments", "local officials", "civil-society groups", "farmers' cooperatives",
        "the regime's negotiators", "Western diplomats",
    ];

    private static readonly string[] ModalVerbs =
    [
        "must prioritize", "cannot afford to overlook", "should link", "won't abandon",
        "will not trade away", "can't simply wish away", "must stop politicizing", "ought to monitor",
        "should never conflate", "must not sacrifice", "didn't anticipate", "may yet revive",
        "would rather ignore", "shouldn't have to beg for",
    ];

    private static readonly string[] SingularVerbs =
    [
        "has repeatedly ignored", "continues to deny", "has failed to address", "is quietly expanding",
        "has long underestimated", "needs to fund", "keeps postponing", "has quietly restricted",
        "is right to question", "has consistently underfunded", "refuses to acknowledge",
        "has begun to reconsider", "rarely mentions", "is unlikely to accept", "has tried to sideline",
        "doesn't want to discuss", "isn't ready to fund",
    ];

    private static readonly string[] BareVerbs =
    [
        "tolerate", "fund", "ignore", "reward", "negotiate over", "trade away", "prioritize",
        "defend", "monitor", "condition aid on", "postpone", "question", "expand", "abandon",
    ];

    private static readonly string[] Objects =
    [
        "access to clean water", "food security in rural provinces", "the right to health",
        "denuclearization talks", "targeted sanctions", "freedom of movement", "political prisoners",
        "humanitarian exemptions", "maternal health care", "the nuclear program", "human-rights dialogue",
        "cross-border family reunions", "malnutrition among children", "the sanctions regime",
        "vaccine deliveries", "safe drinking water", "the right to food", "forced labor in state-run mines",
        "long-term food aid", "tuberculosis treatment", "the U.N. Commission of Inquiry's findings",
        "sanitation in detention camps", "freedom of expression", "the 2018 summit's promises",
        "so-called \"smart\" sanctions", "the denuclearization road map", "water-borne disease",
        "the country's chronic food shortages", "access for independent monitors", "rights-based aid",
        "follow-up inspections", "the humanitarian-exemption process", "fertilizer imports",
        "well-documented abuses", "the regime's missile tests", "hospital generators",
    ];

    private static readonly string[] Adverbials =
    [
        "despite years of pressure", "according to a U.N. report", "in the wake of the Hanoi summit",
        "as winter approaches", "for the foreseeable future", "at least in the short term",
        "without independent verification", "under the current sanctions regime", "behind closed doors",
        "in the name of security", "after decades of isolation", "even as prices rise",
        "while talks remain frozen", "in provinces far from Pyongyang", "before the next harvest",
        "at the expense of ordinary families", "on the eve of the summit", "through U.S.-led channels",
    ];

    private static readonly string[] Openers =
    [
        "In fact", "Meanwhile", "Yet", "Still", "Put simply", "Worse", "To be sure", "Of course",
        "For now", "Even so", "In practice", "Crucially", "By contrast", "Above all", "Admittedly",
        "Since the 1990s", "As Dr. Yoon put it", "At the U.N.", "In Korea's north",
    ];

    private static readonly string[] Subjects =
    [
        "The problem", "The real question", "What matters", "The evidence", "This approach",
        "The humanitarian case", "The cost of inaction", "The sanctions debate", "Policy",
        "The aid pipeline", "Rights monitoring", "The diplomatic track", "Food policy",
    ];

    private static readonly string[] Predicates =
    [
        "isn't complicated", "doesn't add up", "is more urgent than it looks", "won't wait",
        "has been misunderstood for years", "can't be separated from the nuclear file",
        "is hardly a secret", "deserves a hearing in Washington", "is far from settled",
        "shouldn't depend on the next summit", "is a matter of life and death", "is what they're right about",
    ];

    private static readonly string[] Quantities =
    [
        "households", "children under five", "pregnant women", "farmers", "prisoners", "hospitals",
        "villages", "clinics", "defectors", "aid workers", "water-treatment plants", "families",
    ];

    private static readonly string[] Sources =
    [
        "the Peninsula Health Survey", "a U.N.-style panel of experts", "Dr. Han's team",
        "the Joint Nutrition Assessment", "an E.U.-funded survey", "the Rural Food Monitor", "local aid staff",
        "researchers at Northfield University", "a 2022 congressional staff report",
    ];

    private static readonly string[] Speakers =
    [
        "Dr. Kim Soo-yeon", "Mr. Park", "Ms. O'Brien", "Prof. Lee", "Dr. Rahman", "Amb. Thomas",
        "Sen. Okafor", "Mrs. Jang", "Rev. Morales", "Capt. Shin",
    ];

    private static readonly string[] Roles =
    [
        "a health economist", "a former negotiator", "a rights lawyer", "an aid coordinator",
        "a nuclear-policy analyst", "a water engineer", "a food-security researcher", "a defector",
    ];

    private static readonly string[] Institutions =
    [
        "the Institute for Peninsula Studies", "Northfield University", "the Seoul Policy Forum",
        "the Geneva Rights Centre", "the Center for Humanitarian Policy", "the Asia Water Initiative",
        "the Institut für Friedenspolitik", "the Lakeside Health Trust",
    ];

    private static readonly string[] Quotes =
    [
        "Sanctions don't feed anyone", "We can't verify what we can't see",
        "Water is where the crisis starts", "You don't negotiate away a right",
        "It's a health emergency, not a bargaining chip", "Nobody's counting the children",
        "There's no denuclearization without trust", "They've stopped letting us in",
        "The numbers aren't improving", "Aid isn't a reward",
    ];

    private static readonly string[] Asides =
    [
        "roughly the population of a mid-sized city", "a figure the regime disputes",
        "up from the year before", "the most recent year with data", "see the annex",
        "the U.N.'s own estimate", "excluding military spending", "a record low",
    ];

    /// <summary>Generates the corpus.</summary>
    /// <param name="seed">The seed; the same seed always gives the same text.</param>
    /// <param name="targetChars">Generation stops at the first paragraph end at or after this many UTF-16 chars.</param>
    /// <returns>Paragraphs separated by blank lines.</returns>
    public static string Generate(int seed = DefaultSeed, int targetChars = DefaultTargetChars)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(targetChars);

        // A seeded System.Random gives the same sequence on every run of a given runtime; the host
        // process (which sizes the MB/s column) and the benchmark process run the same one.
        var rng = new Random(seed);
        var generator = new Writer(rng, new StringBuilder(targetChars + 4096));
        return generator.Write(targetChars);
    }

    private sealed class Writer(Random rng, StringBuilder sb)
    {
        private int Next(int maxValue) => rng.Next(maxValue);

        private int Next(int minValue, int maxValue) => rng.Next(minValue, maxValue);

        private string Pick(string[] items) => items[Next(items.Length)];

        private bool Chance(int percent) => Next(100) < percent;

        public string Write(int targetChars)
        {
            int paragraph = 0;
            while (sb.Length < targetChars)
            {
                if (paragraph > 0)
                {
                    sb.Append("\n\n");
                }

                WriteParagraph();
                paragraph++;
            }

            sb.Append('\n');
            return sb.ToString();
        }

        private void WriteParagraph()
        {
            int sentences = Next(3, 8);
            for (int i = 0; i < sentences; i++)
            {
                if (i > 0)
                {
                    sb.Append(' ');
                }

                WriteSentence();
            }
        }

        private void WriteSentence()
        {
            int start = sb.Length;
            switch (Next(10))
            {
                case 0 or 1 or 2:
                    // "[Opener, ]actor verb object[ adverbial][ (aside)]."
                    if (Chance(40))
                    {
                        sb.Append(Pick(Openers)).Append(", ");
                    }

                    AppendClause();
                    if (Chance(50))
                    {
                        sb.Append(' ').Append(Pick(Adverbials));
                    }

                    if (Chance(15))
                    {
                        sb.Append(" (").Append(Pick(Asides)).Append(')');
                    }

                    sb.Append('.');
                    break;
                case 3:
                    // A statistic.
                    sb.Append(Chance(50) ? "Roughly " : "More than ");
                    AppendNumber();
                    sb.Append(' ').Append(Pick(Quantities)).Append(" lack ").Append(Pick(Objects)).Append(", according to ").Append(Pick(Sources));
                    if (Chance(30))
                    {
                        sb.Append(" (").Append(Pick(Asides)).Append(", ");
                        AppendYear();
                        sb.Append(')');
                    }

                    sb.Append('.');
                    break;
                case 4:
                    // A percentage with a comparison.
                    sb.Append(Pick(Subjects)).Append(" is stark: ");
                    AppendPercent();
                    sb.Append(" of ").Append(Pick(Quantities)).Append(" reported shortages in ");
                    AppendYear();
                    sb.Append(", compared with ");
                    AppendPercent();
                    sb.Append(" in ");
                    AppendYear();
                    sb.Append('.');
                    break;
                case 5:
                    // A question.
                    sb.Append(Chance(50) ? "Why should " : "How long can ").Append(Chance(25) ? Pick(PluralActors) : Pick(Actors)).Append(' ')
                        .Append(Pick(BareVerbs)).Append(' ').Append(Pick(Objects)).Append('?');
                    break;
                case 6:
                    // A quotation with attribution.
                    bool curly = Chance(30);
                    sb.Append(curly ? '\u201C' : '"').Append(Pick(Quotes)).Append(',').Append(curly ? '\u201D' : '"')
                        .Append(" said ").Append(Pick(Speakers)).Append(", ").Append(Pick(Roles)).Append(" at ").Append(Pick(Institutions)).Append('.');
                    break;
                case 7:
                    // Subject predicate, with an em-dash aside.
                    sb.Append(Pick(Subjects)).Append(' ').Append(Pick(Predicates));
                    if (Chance(40))
                    {
                        sb.Append(" \u2014 ").Append(Pick(Adverbials)).Append(" \u2014 and ");
                        bool plural = Chance(25);
                        sb.Append(plural ? Pick(PluralActors) : Pick(Actors)).Append(plural ? " know it" : " knows it");
                    }

                    sb.Append('.');
                    break;
                case 8:
                    // Money and contrast.
                    sb.Append(Pick(Actors)).Append(" spent $");
                    AppendMoney();
                    sb.Append(" on ").Append(Pick(Objects)).Append(" last year, but ");
                    AppendClause();
                    sb.Append(Chance(20) ? "!" : ".");
                    break;
                default:
                    // Two clauses joined by a semicolon, with a possessive.
                    string owner = Chance(25) ? Pick(PluralActors) : Pick(Actors);
                    sb.Append(Pick(Openers)).Append(", ").Append(owner).Append(owner.EndsWith('s') ? "' critics " : "'s critics ")
                        .Append(Pick(ModalVerbs)).Append(' ').Append(Pick(Objects)).Append("; ");
                    AppendClause();
                    sb.Append('.');
                    break;
            }

            // Sentence case: word lists are lower case where they would be mid-sentence.
            sb[start] = char.ToUpperInvariant(sb[start]);
            if (sb[start] is '"' or '\u201C' && start + 1 < sb.Length)
            {
                sb[start + 1] = char.ToUpperInvariant(sb[start + 1]);
            }
        }

        /// <summary>"subject verb object" with subject-verb agreement.</summary>
        private void AppendClause()
        {
            if (Chance(25))
            {
                sb.Append(Pick(PluralActors)).Append(' ').Append(Pick(ModalVerbs));
            }
            else
            {
                sb.Append(Pick(Actors)).Append(' ').Append(Chance(45) ? Pick(ModalVerbs) : Pick(SingularVerbs));
            }

            sb.Append(' ').Append(Pick(Objects));
        }

        private void AppendNumber()
        {
            switch (Next(4))
            {
                case 0:
                    sb.Append(Next(100, 1000).ToString(CultureInfo.InvariantCulture));
                    break;
                case 1:
                    sb.Append(Next(1_000, 1_000_000).ToString("N0", CultureInfo.InvariantCulture));
                    break;
                case 2:
                    sb.Append(Next(1, 10).ToString(CultureInfo.InvariantCulture)).Append('.').Append(Next(1, 10).ToString(CultureInfo.InvariantCulture)).Append(" million");
                    break;
                default:
                    sb.Append((Next(1, 14) * 100).ToString("N0", CultureInfo.InvariantCulture));
                    break;
            }
        }

        private void AppendPercent()
        {
            if (Chance(50))
            {
                sb.Append(Next(1, 99).ToString(CultureInfo.InvariantCulture)).Append('%');
            }
            else
            {
                sb.Append(Next(1, 99).ToString(CultureInfo.InvariantCulture)).Append('.').Append(Next(0, 10).ToString(CultureInfo.InvariantCulture)).Append('%');
            }
        }

        private void AppendYear() => sb.Append(Next(1995, 2025).ToString(CultureInfo.InvariantCulture));

        private void AppendMoney()
        {
            if (Chance(50))
            {
                sb.Append(Next(1, 10).ToString(CultureInfo.InvariantCulture)).Append('.').Append(Next(1, 10).ToString(CultureInfo.InvariantCulture)).Append(" billion");
            }
            else
            {
                sb.Append(Next(10_000, 9_000_000).ToString("N0", CultureInfo.InvariantCulture));
            }
        }
    }
}
