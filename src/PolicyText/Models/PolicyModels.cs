using System.Globalization;
using System.Text;

namespace PolicyText.Models;

/// <summary>
/// The sentence models stored together in one model file: for each task a first-stage model
/// and a second-stage model "in context", which also sees the first stage's predictions for
/// the neighbouring sentences and the rest of the document; and (since models version 14,
/// optional) for each task a model of sentences alone, whose probabilities are averaged with the
/// first stage's for a one-sentence document (docs/models.md).
/// </summary>
/// <param name="Rights">The first-stage rights model (classes: the rights labels).</param>
/// <param name="Linkage">The first-stage linkage model (classes: the linkage labels).</param>
/// <param name="RightsInContext">The second-stage rights model.</param>
/// <param name="LinkageInContext">The second-stage linkage model.</param>
public sealed record PolicyModels(LinearModel Rights, LinearModel Linkage, LinearModel RightsInContext, LinearModel LinkageInContext)
{
    /// <summary>The first-stage rights model; never null.</summary>
    public LinearModel Rights { get; init => field = value ?? throw new ArgumentNullException(nameof(Rights)); } = Rights ?? throw new ArgumentNullException(nameof(Rights));

    /// <summary>The first-stage linkage model; never null.</summary>
    public LinearModel Linkage { get; init => field = value ?? throw new ArgumentNullException(nameof(Linkage)); } = Linkage ?? throw new ArgumentNullException(nameof(Linkage));

    /// <summary>The second-stage rights model; never null.</summary>
    public LinearModel RightsInContext { get; init => field = value ?? throw new ArgumentNullException(nameof(RightsInContext)); } = RightsInContext ?? throw new ArgumentNullException(nameof(RightsInContext));

    /// <summary>The second-stage linkage model; never null.</summary>
    public LinearModel LinkageInContext { get; init => field = value ?? throw new ArgumentNullException(nameof(LinkageInContext)); } = LinkageInContext ?? throw new ArgumentNullException(nameof(LinkageInContext));

    /// <summary>
    /// The rights model of sentences alone (task <c>rights-alone</c>), trained on every training
    /// sentence featurized as a one-sentence document; or <see langword="null"/>, in a model
    /// file written before version 14, when a one-sentence document's rights are the first
    /// stage's alone.
    /// </summary>
    public LinearModel? RightsAlone { get; init; }

    /// <summary>The linkage model of sentences alone (task <c>linkage-alone</c>), as <see cref="RightsAlone"/>; or <see langword="null"/>.</summary>
    public LinearModel? LinkageAlone { get; init; }

    // A file of four models (first and second stage per task), and since version 14 one of six
    // (and the two models of sentences alone); both are read.
    private const string Magic = "PTMODELS3";
    private const string MagicWithAlone = "PTMODELS4";
    private const string ResourceName = "policytext.models";

    private static readonly Lazy<PolicyModels?> DefaultInstance = new(() =>
    {
        using var stream = typeof(PolicyModels).Assembly.GetManifestResourceStream("PolicyText.Models.Resources." + ResourceName);
        return stream is null ? null : Load(stream);
    });

    /// <summary>The models shipped with PolicyText (trained on the corpus's train split), or <see langword="null"/> in a build without them.</summary>
    public static PolicyModels? Default => DefaultInstance.Value;

    /// <summary>A version string naming both models, for manifests.</summary>
    public string Version => $"rights@{Rights.Version};linkage@{Linkage.Version};context@{LinkageInContext.Version}" + (LinkageAlone is { } alone ? $";alone@{alone.Version}" : string.Empty);

    /// <summary>
    /// What is wrong with the models' tasks, or <see langword="null"/>: the rights, linkage,
    /// rights-context and linkage-context models, in that order, and both models of sentences
    /// alone (rights-alone, linkage-alone) or neither. A model file must be so, and an analyzer
    /// reads each model as the one of its place.
    /// </summary>
    internal string? TaskFault() =>
        Rights.Task != "rights" || Linkage.Task != "linkage" || RightsInContext.Task != "rights-context" || LinkageInContext.Task != "linkage-context"
            ? $"Only the rights, linkage, rights-context and linkage-context models, in that order, make a model file; these are {Rights.Task}, {Linkage.Task}, {RightsInContext.Task} and {LinkageInContext.Task}."
            : (RightsAlone is null) != (LinkageAlone is null)
                ? "A model file holds both models of sentences alone (rights-alone and linkage-alone) or neither; only one is set."
                : RightsAlone is not null && (RightsAlone.Task != "rights-alone" || LinkageAlone!.Task != "linkage-alone")
                    ? $"The models of sentences alone must be the rights-alone and linkage-alone models; these are {RightsAlone.Task} and {LinkageAlone!.Task}."
                    : null;

    /// <summary>Writes both models to a stream.</summary>
    /// <param name="stream">The destination.</param>
    /// <exception cref="InvalidOperationException">The models are not the rights, linkage, rights-context and linkage-context models, in that order, or only one of the two models of sentences alone is set, or they are not the rights-alone and linkage-alone models: <see cref="Load(Stream)"/> would refuse the file.</exception>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (TaskFault() is { } fault)
        {
            throw new InvalidOperationException(fault);
        }

        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(RightsAlone is null ? Magic : MagicWithAlone);
        }

        Rights.Save(stream);
        Linkage.Save(stream);
        RightsInContext.Save(stream);
        LinkageInContext.Save(stream);
        RightsAlone?.Save(stream);
        LinkageAlone?.Save(stream);
    }

    /// <summary>Writes both models to a file.</summary>
    /// <param name="path">The file.</param>
    public void Save(string path)
    {
        using var stream = File.Create(path);
        Save(stream);
    }

    /// <summary>Reads a model file written by <see cref="Save(Stream)"/> or <c>policytext train</c>.</summary>
    /// <param name="stream">The source.</param>
    /// <returns>The models.</returns>
    /// <exception cref="FormatException">The stream is not a PolicyText model file.</exception>
    public static PolicyModels Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        bool withAlone;
        using (var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true))
        {
            string magic;
            try
            {
                magic = r.ReadString();
            }
            catch (Exception ex) when (ex is EndOfStreamException or IOException or FormatException)
            {
                // FormatException: bytes that are no string's length ("Too many bytes in what
                // should have been a 7-bit encoded integer"), as a file of another kind begins.
                throw new FormatException("Not a PolicyText model file.", ex);
            }

            withAlone = magic == MagicWithAlone;
            if (magic != Magic && !withAlone)
            {
                throw new FormatException("Not a PolicyText model file.");
            }
        }

        var rights = LinearModel.Load(stream);
        var linkage = LinearModel.Load(stream);
        var rightsContext = LinearModel.Load(stream);
        var linkageContext = LinearModel.Load(stream);
        if (rights.Task != "rights" || linkage.Task != "linkage" || rightsContext.Task != "rights-context" || linkageContext.Task != "linkage-context")
        {
            throw new FormatException("The model file does not hold the rights, linkage, rights-context and linkage-context models.");
        }

        if (!withAlone)
        {
            return new PolicyModels(rights, linkage, rightsContext, linkageContext);
        }

        var rightsAlone = LinearModel.Load(stream);
        var linkageAlone = LinearModel.Load(stream);
        if (rightsAlone.Task != "rights-alone" || linkageAlone.Task != "linkage-alone")
        {
            throw new FormatException("The model file does not hold the rights-alone and linkage-alone models after the other four.");
        }

        return new PolicyModels(rights, linkage, rightsContext, linkageContext) { RightsAlone = rightsAlone, LinkageAlone = linkageAlone };
    }

    /// <summary>Reads a model file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The models.</returns>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="FormatException">It is not a PolicyText model file, or has bytes after the models.</exception>
    public static PolicyModels Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No model file at '{path}'.", path);
        }

        return LinearModel.LoadWhole(path, Load, "its last model", "one model file");
    }
}
