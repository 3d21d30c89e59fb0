using PolicyText.Corpora;
using PolicyText.Evaluation;
using PolicyText.Models;
using PolicyText.Tagging;
using PolicyText.Text;

namespace PolicyText.Tests.Evaluation;

/// <summary>
/// A sentence given alone (a hand-labelled sentence, a one-line text) has no context; the models
/// are trained on some sentences alone so that they read such a sentence well, and the
/// evaluation scores every sentence alone too.
/// </summary>
public class SentencesAloneTests
{
    private static GoldCorpus Corpus { get; } = GoldCorpus.Load(Path.Combine(RepoPaths.Root, "corpus"));

    [Fact]
    public void Training_adds_about_a_quarter_of_the_sentences_as_one_sentence_documents_beside_their_own_document()
    {
        var set = TaggerEvaluation.BuildTrainingSet(Corpus, null);
        var train = Corpus.InSplit(CorpusSplit.Train).ToList();
        var analyzer = TextAnalyzer.CreateDefault();
        int at = 0;
        int alone = 0;
        int differ = 0;
        int trainingSentences = 0;
        for (int d = 0; d < train.Count; d++)
        {
            var doc = train[d];
            if (GoldCorpus.IsTrainingSentence(doc))
            {
                // A training sentence (corpus/sentences.jsonl) is a sentence alone already: it
                // trains the first stage as it is, and nothing is added beside it.
                Assert.Equal(d, set.Groups[at]);
                Assert.True(set.Alone[at]);
                Assert.Single(set.Rights[at]);
                trainingSentences++;
                at++;
                continue;
            }

            // The document itself, then each of its sentences trained alone, all in its group.
            Assert.Equal(d, set.Groups[at]);
            Assert.False(set.Alone[at]);
            Assert.Equal(doc.Sentences.Count, set.Rights[at].Count);
            var inDocument = set.Rights[at];
            at++;
            for (int i = 0; i < doc.Sentences.Count; i++)
            {
                if (!TaggerEvaluation.IsTrainedAlone(doc.Id, i))
                {
                    continue;
                }

                Assert.Equal(d, set.Groups[at]);
                Assert.True(set.Alone[at]);
                var rights = Assert.Single(set.Rights[at]);
                var linkage = Assert.Single(set.Linkage[at]);
                Assert.Equal(LabelCodes.RightsVocabulary[rights.Label], doc.Sentences[i].Rights.ToCode());
                Assert.Equal(LabelCodes.LinkageVocabulary[linkage.Label], doc.Sentences[i].Linkage.ToCode());

                // Its features are the sentence's as a one-sentence document, not as in its document.
                var text = doc.GetText(doc.Sentences[i]);
                var single = TextDocument.WithSentences(text, [(0, text.Length)]);
                var expected = new List<KeyValuePair<int, float>>();
                SentenceFeaturizer.Featurize(single, 0, analyzer.ExtractCues(single), expected);
                Assert.Equal(expected, rights.Features);
                Assert.Equal(expected, linkage.Features);
                differ += expected.SequenceEqual(inDocument[i].Features) ? 0 : 1;
                alone++;
                at++;
            }
        }

        Assert.Equal(at, set.Groups.Count);
        Assert.Equal(1799, trainingSentences);
        train = train.Where(d => !GoldCorpus.IsTrainingSentence(d)).ToList();
        int sentences = train.Sum(d => d.Sentences.Count);
        Assert.InRange(alone, sentences / 5, sentences / 3);
        Assert.Equal(alone, differ);

        // Which sentences are trained alone varies from document to document (plain FNV-1a, with
        // its weak mixing of the last characters, gave four patterns of positions for the corpus,
        // all sentences 0-9 or none of them).
        var patterns = train.Select(d => string.Concat(Enumerable.Range(0, 12).Select(i => TaggerEvaluation.IsTrainedAlone(d.Id, i) ? '1' : '0'))).ToHashSet();
        Assert.True(patterns.Count > train.Count / 2, $"{patterns.Count} patterns for {train.Count} documents");
    }

    [Theory]
    [InlineData("Connecting human rights and denuclearization negotiations is not the right approach.")]
    [InlineData("Clinics in the north ran out of insulin by March.")]
    [InlineData("The envoy said sanctions would stay until the prison camps close.")]
    public void A_one_sentence_document_is_labelled_by_the_first_stage_and_the_model_of_sentences_alone_and_a_longer_one_by_the_second(string text)
    {
        var models = PolicyModels.Default!;
        Assert.NotNull(models.RightsAlone);
        Assert.NotNull(models.LinkageAlone);
        var analyzer = TextAnalyzer.CreateDefault();
        var single = TextDocument.WithSentences(text, [(0, text.Length)]);
        var features = new List<KeyValuePair<int, float>>();
        SentenceFeaturizer.Featurize(single, 0, analyzer.ExtractCues(single), features);
        var result = Assert.Single(analyzer.Analyze(single).Sentences);
        foreach (var (first, alone, label, confidence) in new[]
        {
            (models.Rights, models.RightsAlone!, result.Rights.ToCode(), result.RightsConfidence),
            (models.Linkage, models.LinkageAlone!, result.Linkage.ToCode(), result.LinkageConfidence),
        })
        {
            // Since models version 14, the mean of the first stage's probabilities and those of
            // the model of sentences alone, class by class.
            var p = new float[first.Classes.Count];
            var q = new float[alone.Classes.Count];
            first.Score(features, p);
            alone.Score(features, q);
            var mean = p.Zip(q, (x, y) => (x + y) / 2).ToArray();
            int best = Array.IndexOf(mean, mean.Max());

            // The analyzer adds the hashed features in sentence order, the model in index order: the
            // same sum up to float rounding.
            Assert.Equal(first.Classes[best], label);
            Assert.Equal(mean[best], confidence, 1e-5f);

            // The model of sentences alone made a difference (else this could not fail if it were ignored).
            float difference = p.Zip(mean, (x, y) => Math.Abs(x - y)).Max();
            Assert.True(difference > 1e-4, $"{first.Task}: the first stage alone and the mean differ by at most {difference}");
        }

        // The same sentence twice is a document with context: the second stage labels it.
        var twice = analyzer.Analyze(text + " " + text).Sentences;
        Assert.Equal(2, twice.Count);
        Assert.NotEqual(result.LinkageConfidence, twice[0].LinkageConfidence);
    }

    [Fact]
    public void The_evaluation_scores_every_sentence_alone_and_the_shipped_models_read_sentences_alone_better_than_the_baseline()
    {
        var report = TaggerEvaluation.Evaluate(Corpus, CorpusSplit.Dev, PolicyModels.Default!);
        Assert.NotNull(report.RightsAlone);
        Assert.NotNull(report.LinkageAlone);
        var systems = TaggerEvaluation.Systems.ToList();

        // PolicyText's alone scores, with and without the rules, are those of analysing each
        // sentence as a document of its own; they differ from the scores in the documents.
        foreach (var (system, rules) in new[] { ("PolicyText default", true), ("PolicyText models", false) })
        {
            var analyzer = new TextAnalyzer(new TextAnalyzerOptions { ApplyRules = rules });
            var goldRights = new List<string>();
            var goldLinkage = new List<string>();
            var rights = new List<string>();
            var linkage = new List<string>();
            foreach (var doc in Corpus.InSplit(CorpusSplit.Dev))
            {
                foreach (var sentence in doc.Sentences)
                {
                    var text = doc.GetText(sentence);
                    var result = Assert.Single(analyzer.Analyze(TextDocument.WithSentences(text, [(0, text.Length)])).Sentences);
                    goldRights.Add(sentence.Rights.ToCode());
                    goldLinkage.Add(sentence.Linkage.ToCode());
                    rights.Add(result.Rights.ToCode());
                    linkage.Add(result.Linkage.ToCode());
                }
            }

            int k = systems.IndexOf(system);
            Assert.Equal(new ClassificationReport(system, LabelCodes.RightsVocabulary, goldRights, rights).Confusion, report.RightsAlone![k].Confusion);
            Assert.Equal(new ClassificationReport(system, LabelCodes.LinkageVocabulary, goldLinkage, linkage).Confusion, report.LinkageAlone![k].Confusion);
            Assert.NotEqual(report.Rights[k].Confusion, report.RightsAlone[k].Confusion);
            Assert.NotEqual(report.Linkage[k].Confusion, report.LinkageAlone[k].Confusion);
        }

        int policyText = systems.IndexOf("PolicyText default");

        // The predictions kept for --predictions are the default system's, sentence by sentence,
        // in corpus order, with the gold labels.
        var predictions = report.Predictions!;
        var dev = Corpus.InSplit(CorpusSplit.Dev).SelectMany(d => d.Sentences.Select((s, i) => (d, s, i))).ToList();
        Assert.Equal(dev.Count, predictions.Count);
        Assert.Equal(dev.Select(x => (x.d.Id, x.i, x.d.GetText(x.s), x.s.Rights.ToCode(), x.s.Linkage.ToCode())), predictions.Select(p => (p.DocId, p.SentenceIndex, p.Text, p.GoldRights, p.GoldLinkage)));
        var gr = predictions.Select(p => p.GoldRights).ToList();
        var gl = predictions.Select(p => p.GoldLinkage).ToList();
        Assert.Equal(report.Rights[policyText].Confusion, new ClassificationReport("p", LabelCodes.RightsVocabulary, gr, predictions.Select(p => p.Rights).ToList()).Confusion);
        Assert.Equal(report.Linkage[policyText].Confusion, new ClassificationReport("p", LabelCodes.LinkageVocabulary, gl, predictions.Select(p => p.Linkage).ToList()).Confusion);
        Assert.Equal(report.RightsAlone![policyText].Confusion, new ClassificationReport("p", LabelCodes.RightsVocabulary, gr, predictions.Select(p => p.RightsAlone).ToList()).Confusion);
        Assert.Equal(report.LinkageAlone![policyText].Confusion, new ClassificationReport("p", LabelCodes.LinkageVocabulary, gl, predictions.Select(p => p.LinkageAlone).ToList()).Confusion);
        Assert.All(predictions, p => Assert.InRange(p.RightsConfidence, 0.2f, 1f));

        // Measured on dev: trained without sentences alone, the shipped models scored 0.549
        // linkage macro-F1 on the dev sentences alone, below the bag-of-words baseline (0.602);
        // with them, 0.628.
        Assert.InRange(report.LinkageAlone[policyText].MacroF1, 0.58, 1);
        Assert.Contains("Each sentence analysed alone", report.ToText(), StringComparison.Ordinal);
    }
}
