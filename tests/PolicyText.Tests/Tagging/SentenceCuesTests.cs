using System.Reflection;
using PolicyText.Tagging;
using PolicyText.Text;

namespace PolicyText.Tests.Tagging;

/// <summary>An analysis reuses its cues objects from document to document (<see cref="SentenceCues.Reset"/>).</summary>
public class SentenceCuesTests
{
    [Fact]
    public void Reset_clears_every_field_including_ones_added_later()
    {
        var fresh = new SentenceCues();
        var used = new SentenceCues();
        var fields = typeof(SentenceCues).GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        Assert.NotEmpty(fields);
        foreach (var f in fields)
        {
            // A field of a type not listed here fails the test: Reset and this list need it added.
            object value = f.FieldType switch
            {
                var t when t == typeof(int) => 7,
                var t when t == typeof(bool) => true,
                var t when t == typeof(IReadOnlyList<Evidence>) => new[] { new Evidence(0, 1, "a", "a", "a", CueType.Rights) },
                var t when t == typeof((int, int)[]) => new[] { (1, 2) },
                var t => throw new InvalidOperationException($"SentenceCues has a field {f.Name} of type {t}: clear it in Reset and list it here."),
            };
            f.SetValue(used, value);
            Assert.NotEqual(f.GetValue(fresh), f.GetValue(used));
        }

        used.Reset();
        foreach (var f in fields)
        {
            var expected = f.GetValue(fresh);
            var actual = f.GetValue(used);
            if (expected is System.Collections.ICollection e && actual is System.Collections.ICollection a)
            {
                Assert.Equal(e.Count, a.Count);
            }
            else
            {
                Assert.Equal(expected, actual);
            }
        }
    }

    [Fact]
    public void Analyses_of_documents_in_turn_on_one_thread_equal_analyses_by_fresh_analyzers()
    {
        string[] texts =
        [
            "We must not link human rights to sanctions. Food aid should continue regardless of talks?",
            "Critics said the pressure has failed. \"Sanctions work,\" the minister claimed.",
            "Short one.",
        ];
        var shared = TextAnalyzer.CreateDefault();
        var first = texts.Select(t => shared.Analyze(t)).ToArray();
        var again = texts.Reverse().Select(t => shared.Analyze(t)).Reverse().ToArray();
        for (int d = 0; d < texts.Length; d++)
        {
            // The reference is analysed on a thread of its own, whose per-thread buffers are new.
            DocumentAnalysis expected = null!;
            var thread = new Thread(() => expected = TextAnalyzer.CreateDefault().Analyze(TextDocument.Parse(texts[d])));
            thread.Start();
            thread.Join();
            foreach (var analysis in new[] { first[d], again[d] })
            {
                Assert.Equal(expected.Summary, analysis.Summary);
                Assert.Equal(expected.Sentences.Count, analysis.Sentences.Count);
                for (int i = 0; i < expected.Sentences.Count; i++)
                {
                    Assert.Equal(expected.Sentences[i] with { Evidence = [] }, analysis.Sentences[i] with { Evidence = [] });
                    Assert.Equal(expected.Sentences[i].Evidence, analysis.Sentences[i].Evidence);
                }
            }
        }
    }
}
