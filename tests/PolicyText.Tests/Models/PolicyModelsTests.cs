using PolicyText.Models;
using PolicyText.Tagging;

namespace PolicyText.Tests.Models;

/// <summary>The models of sentences alone (models version 14): they leave documents of several sentences as they were, and the model file holds them (how they read a sentence alone: SentencesAloneTests).</summary>
public class PolicyModelsTests
{
    private static PolicyModels Shipped => PolicyModels.Default ?? throw new InvalidOperationException("this build ships no models");

    [Fact]
    public void Models_of_sentences_alone_do_not_change_a_document_of_several_sentences()
    {
        var models = Shipped;
        var without = new PolicyModels(models.Rights, models.Linkage, models.RightsInContext, models.LinkageInContext);
        const string Text = "Food aid should never be tied to the nuclear talks. The regime will not bargain over it. Sanctions relief must wait for the camps to close.";
        var a = new TextAnalyzer(new TextAnalyzerOptions { Models = models }).Analyze(Text);
        var b = new TextAnalyzer(new TextAnalyzerOptions { Models = without }).Analyze(Text);
        Assert.Equal(3, a.Sentences.Count);
        Assert.Equal(
            a.Sentences.Select(s => (s.Rights, s.RightsConfidence, s.Linkage, s.LinkageConfidence)),
            b.Sentences.Select(s => (s.Rights, s.RightsConfidence, s.Linkage, s.LinkageConfidence)));

        // A sentence alone is read otherwise without them.
        const string One = "Connecting human rights and denuclearization negotiations is not the right approach.";
        Assert.NotEqual(
            new TextAnalyzer(new TextAnalyzerOptions { Models = models }).Analyze(One).Sentences[0].LinkageConfidence,
            new TextAnalyzer(new TextAnalyzerOptions { Models = without }).Analyze(One).Sentences[0].LinkageConfidence);
    }

    [Fact]
    public void A_model_file_with_or_without_the_models_of_sentences_alone_loads_as_it_was_saved()
    {
        var models = Shipped;
        using var six = new MemoryStream();
        models.Save(six);
        six.Position = 0;
        var loaded = PolicyModels.Load(six);
        Assert.Equal(models.Version, loaded.Version);
        Assert.EndsWith(";alone@" + models.LinkageAlone!.Version, loaded.Version, StringComparison.Ordinal);
        Assert.Equal(models.RightsAlone!.WeightsByFeature.ToArray(), loaded.RightsAlone!.WeightsByFeature.ToArray());
        Assert.Equal(models.LinkageAlone.Biases.ToArray(), loaded.LinkageAlone!.Biases.ToArray());

        // A file of the four models (as written before version 14) still loads, without them.
        var four = new PolicyModels(models.Rights, models.Linkage, models.RightsInContext, models.LinkageInContext);
        using var stream = new MemoryStream();
        four.Save(stream);
        Assert.True(stream.Length < six.Length);
        stream.Position = 0;
        var old = PolicyModels.Load(stream);
        Assert.Null(old.RightsAlone);
        Assert.Null(old.LinkageAlone);
        Assert.DoesNotContain("alone", old.Version, StringComparison.Ordinal);
    }

    [Fact]
    public void Models_compare_by_their_weights_not_as_objects()
    {
        // A model file loaded twice gives equal models (they were compared as objects).
        var models = Shipped;
        using var stream = new MemoryStream();
        models.Save(stream);
        stream.Position = 0;
        var first = PolicyModels.Load(stream);
        stream.Position = 0;
        var second = PolicyModels.Load(stream);
        Assert.NotSame(first.Rights, second.Rights);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.Equal(models, first);

        // One weight apart, or another version, is another model.
        var weights = Enumerable.Range(0, models.Rights.Classes.Count).Select(c => new float[SentenceFeaturizer.Dimension]).ToArray();
        var biases = new float[models.Rights.Classes.Count];
        var zero = new LinearModel("rights", "x", models.Rights.Classes, weights, biases);
        Assert.Equal(zero, new LinearModel("rights", "x", models.Rights.Classes, weights, biases));
        Assert.NotEqual(zero, new LinearModel("rights", "y", models.Rights.Classes, weights, biases));
        weights[2][123] = 0.5f;
        Assert.NotEqual(zero, new LinearModel("rights", "x", models.Rights.Classes, weights, biases));
        Assert.NotEqual(first, first with { Rights = zero });
    }

    [Fact]
    public void A_model_keeps_what_it_was_given_when_the_caller_changes_its_arrays()
    {
        var classes = new List<string> { "a", "b" };
        var weights = new[] { new float[SentenceFeaturizer.Dimension], new float[SentenceFeaturizer.Dimension] };
        var biases = new float[] { 1, 0 };
        var model = new LinearModel("rights", "x", classes, weights, biases);
        var before = new float[2];
        model.Score([new(7, 1f)], before);

        biases[1] = 5;
        weights[1][7] = 9;
        classes[0] = "changed";
        var after = new float[2];
        model.Score([new(7, 1f)], after);
        Assert.Equal(before, after);
        Assert.Equal(["a", "b"], model.Classes);
        using var saved = new MemoryStream();
        model.Save(saved);
        saved.Position = 0;
        Assert.Equal(model, LinearModel.Load(saved));
    }

    [Fact]
    public void Models_of_sentences_alone_that_do_not_fit_are_refused_with_a_message()
    {
        var models = Shipped;
        using var stream = new MemoryStream();

        // Only one of the two.
        var one = models with { LinkageAlone = null };
        Assert.Contains("both models of sentences alone", Assert.Throws<InvalidOperationException>(() => one.Save(stream)).Message, StringComparison.Ordinal);

        // The wrong models in their places.
        var swapped = models with { RightsAlone = models.Rights, LinkageAlone = models.Linkage };
        Assert.Contains("rights-alone and linkage-alone", Assert.Throws<InvalidOperationException>(() => swapped.Save(stream)).Message, StringComparison.Ordinal);

        // Classes in another order than the first stage's: the mean is taken class by class.
        var classes = models.RightsAlone!.Classes.Reverse().ToArray();
        int n = classes.Length;
        var weights = Enumerable.Range(0, n).Select(_ => new float[SentenceFeaturizer.Dimension]).ToArray();
        var reversed = new LinearModel("rights-alone", "x", classes, weights, new float[n]);
        var error = Assert.Throws<ArgumentException>(() => new TextAnalyzer(new TextAnalyzerOptions { Models = models with { RightsAlone = reversed } }));
        Assert.Contains("not the rights model's, in its order", error.Message, StringComparison.Ordinal);

        // The same for the second stage, whose labels read a one-sentence document's first-stage probabilities.
        var context = new LinearModel("rights-context", "x", classes, weights, new float[n]);
        error = Assert.Throws<ArgumentException>(() => new TextAnalyzer(new TextAnalyzerOptions { Models = models with { RightsInContext = context } }));
        Assert.Contains("rights-context model's classes", error.Message, StringComparison.Ordinal);
    }
}
