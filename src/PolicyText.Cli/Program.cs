using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using PolicyText.Corpora;
using PolicyText.Evaluation;
using PolicyText.Export;
using PolicyText.Lexicons;
using PolicyText.Models;
using PolicyText.Tagging;
using PolicyText.Text;

namespace PolicyText.Cli;

/// <summary>The <c>policytext</c> command line. It parses arguments and calls the library.</summary>
public static class Program
{
    /// <summary>Exit code: all went well.</summary>
    public const int Ok = 0;

    /// <summary>Exit code: a fatal error (bad arguments, missing input, unwritable output).</summary>
    public const int Fatal = 1;

    /// <summary>Exit code: the run finished, but some documents could not be read or analysed (see errors.csv).</summary>
    public const int DocumentErrors = 2;

    /// <summary>The most documents <c>analyze --threads</c> analyses at once (more only hold more of the corpus in memory).</summary>
    private const int MaxThreads = 1024;

    /// <summary>Runs the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The exit code.</returns>
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the command line with the given output writers (used by tests).</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="stdout">Standard output.</param>
    /// <param name="stderr">Standard error.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, Console.In);

    /// <summary>Runs the command line with the given standard input and output writers (used by tests).</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="stdout">Standard output.</param>
    /// <param name="stderr">Standard error.</param>
    /// <param name="stdin">Standard input, read when the input is <c>-</c>.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TextReader stdin)
    {
        // A root named as the tool is installed ("policytext"), whatever the name of the
        // assembly that runs it: a RootCommand takes the executable's ("PolicyText.Cli"), and
        // help would show that in its usage lines.
        var root = new Command("policytext", "PolicyText: split policy writing into sentences, tag the rights each discusses and its stance on linking human rights to sanctions and negotiations, with the evidence, and export CSV features for research.")
        {
            new System.CommandLine.Help.HelpOption(),
            new VersionOption(),
        };
        root.Subcommands.Add(AnalyzeCommand(stdout, stderr, stdin));
        root.Subcommands.Add(EvalSegmenterCommand(stdout, stderr));
        root.Subcommands.Add(CorpusCommand(stdout, stderr));
        root.Subcommands.Add(TrainCommand(stdout, stderr));
        root.Subcommands.Add(EvalCommand(stdout, stderr));
        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
        // No response files: "@data.jsonl" is a file name, not a file of more arguments.
        var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });

        // A mistyped option gets its error and a pointer to --help, not the whole help text.
        if (parsed.Action is System.CommandLine.Invocation.ParseErrorAction)
        {
            foreach (var message in ParseErrorMessages(parsed))
            {
                stderr.WriteLine($"policytext: {message}");
            }

            stderr.WriteLine($"policytext: see '{string.Join(' ', CommandPath(parsed.CommandResult))} --help'.");
            return 1;
        }

        return parsed.Invoke(config);
    }

    /// <summary>
    /// The parser's errors, one line each, in the tool's words: an unknown option or command
    /// with the nearest name it could have meant (not the parser's lists of every close name),
    /// the value that followed an unknown option not counted as a second error, and a number
    /// asked for as a whole number rather than as a .NET type.
    /// </summary>
    internal static IEnumerable<string> ParseErrorMessages(ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        var options = command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).ToList();
        var commands = command.Subcommands.Select(c => c.Name).ToList();
        // A mistyped option before the input ("analyze --quite in") is taken by the parser as
        // the input itself: it is the mistake to name, and the word after it is its value.
        var takenAsInput = parsed.CommandResult.Children.OfType<System.CommandLine.Parsing.ArgumentResult>()
            .SelectMany(a => a.Tokens).Select(t => t.Value).Where(v => v.Length > 1 && v.StartsWith('-')).ToList();
        var tokens = takenAsInput.Concat(parsed.UnmatchedTokens).ToList();
        var messages = new List<string>();
        int mayFollow = 0;
        for (int i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            // The value of a mistyped option ("--thread 2") is not an error of its own; nor,
            // when the option was taken as the input, is the input after it ("--thread 2 in.csv").
            if (!token.StartsWith('-') && mayFollow > 0)
            {
                mayFollow--;
                continue;
            }

            mayFollow = token.StartsWith('-') ? (i < takenAsInput.Count ? 2 : 1) : 0;

            string message;
            if (token.StartsWith('-'))
            {
                message = Suggest($"unknown option '{token}'", token, options);
            }
            else if (commands.Count > 0)
            {
                // After an unknown command nothing else is read: its options and arguments may
                // be right for the command that was meant.
                messages.Add(Suggest($"unknown command '{token}'", token, commands));
                break;
            }
            else
            {
                message = $"unexpected argument '{token}'.";
            }

            messages.Add(message);
        }

        foreach (var error in parsed.Errors)
        {
            var message = error.Message;
            if (message.StartsWith("Unrecognized command or argument", StringComparison.Ordinal)
                || (message.StartsWith("Required command was not provided", StringComparison.Ordinal) && tokens.Count > 0))
            {
                continue;
            }

            messages.Add(System.Text.RegularExpressions.Regex.Replace(message, @" as expected type 'System\.(?:Nullable`1\[System\.)?(Int32|Int64|Double)\]?'", m => m.Groups[1].Value == "Double" ? " as a number" : " as a whole number"));
        }

        return messages;
    }

    /// <summary><paramref name="message"/>, with the nearest of <paramref name="names"/> as a suggestion when one is near enough.</summary>
    private static string Suggest(string message, string token, List<string> names)
    {
        var near = Nearest(token, names);
        return near is null ? message + "." : $"{message}; did you mean '{near}'?";
    }

    /// <summary>The name nearest to <paramref name="token"/>: at most two edits away, and fewer than half its length (so that "-t" is not taken for "-o"); or null.</summary>
    private static string? Nearest(string token, List<string> names)
    {
        string? best = null;
        int bestDistance = Math.Min(3, (token.Length + 1) / 2);
        foreach (var name in names)
        {
            int d = EditDistance(token, name);
            if (d < bestDistance)
            {
                (best, bestDistance) = (name, d);
            }
        }

        return best;
    }

    private static int EditDistance(string a, string b)
    {
        var row = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            row[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }

    /// <summary>The words that name a command on the command line, from the tool's name (<c>policytext corpus stats</c>).</summary>
    private static IEnumerable<string> CommandPath(System.CommandLine.Parsing.CommandResult command)
    {
        var names = new List<string>();
        for (var c = command; c is not null; c = c.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Add(c.Command.Name);
        }

        names.Reverse();
        return names;
    }

    private static Command AnalyzeCommand(TextWriter stdout, TextWriter stderr, TextReader stdin)
    {
        var input = new Argument<string>("input") { Description = "A folder of .txt and .md files (read recursively as plain text; hidden folders, named '.…', are left out), one .txt or .md file, a .jsonl file with 'id' and 'text' fields (such as corpus/documents.jsonl), a .csv file, or - for JSON Lines on standard input." };
        var output = new Option<string>("--out", "-o") { Description = "The folder to write sentences.csv, documents.csv and evidence.csv into; created if missing.", Required = true };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print nothing but errors and notes on what was not read (no progress, no summary)." };
        var lexicon = LexiconOption();
        var model = new Option<string?>("--model") { Description = "A model file from 'policytext train' instead of the shipped models." };
        var tokens = new Option<bool>("--tokens") { Description = "Also write tokens.csv (one row per token)." };
        var resume = new Option<bool>("--resume") { Description = "Continue an interrupted run in the same output folder from its checkpoint, without writing any row twice." };
        var threads = new Option<int>("--threads") { Description = "Documents analysed at once (default: all cores). The output is the same for any number." };
        var idColumn = new Option<string>("--id-column") { Description = "For a .csv input: the column with the document ids.", DefaultValueFactory = _ => "id" };
        var textColumn = new Option<string>("--text-column") { Description = "For a .csv input: the column with the texts. The other columns are carried into documents.csv.", DefaultValueFactory = _ => "text" };
        var raw = new Option<bool>("--raw-cells") { Description = "Write text cells exactly as they are; by default a cell starting with = + - @ tab or CR gets a leading ' against spreadsheet formula injection." };
        var command = new Command("analyze", "Split every document into sentences, tag rights and linkage stance, and write CSV files.") { input, output, quiet, lexicon, model, tokens, raw, idColumn, textColumn, threads, resume };
        command.SetAction(parse => Guard(stderr, () =>
        {
            var options = new TextAnalyzerOptions
            {
                Lexicons = Lexicons(parse.GetValue(lexicon), stderr),
                Models = parse.GetValue(model) is { } file ? PolicyModels.Load(file) : null,
            };
            var inputPath = parse.GetValue(input)!;
            if (parse.GetResult(threads) is { Implicit: false } && parse.GetValue(threads) is < 1 or > MaxThreads)
            {
                throw new ArgumentException($"--threads must be at least 1 and at most {MaxThreads}; got {parse.GetValue(threads)}.");
            }

            if ((parse.GetResult(idColumn) is { Implicit: false } || parse.GetResult(textColumn) is { Implicit: false }) && !inputPath.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException("--id-column and --text-column name the columns of a .csv input; this input is not a .csv file.");
            }

            // An output must not replace an input (a single input file, a lexicon, the model);
            // the files of a folder input are .txt and .md, which no output is named.
            var files = (parse.GetValue(lexicon) ?? []).Append(parse.GetValue(model) ?? string.Empty).Where(f => f.Length > 0).ToList();
            CheckNotInput(CorpusRunner.OutputFileNames.Select(f => Path.Combine(parse.GetValue(output)!, f)), files.Append(inputPath), "--out", "output folder");

            // Standard input, and a named pipe given as the input, are spooled to a file: the
            // input is read more than once (the document variables are collected before the first
            // row is written, the files are hashed for the manifest), and a pipe can be read once.
            // The spool's folder is removed at the end, and when the run is interrupted (Ctrl-C,
            // kill), also while it is still spooling.
            var spoolFolder = Path.Combine(Path.GetTempPath(), $"policytext-{Guid.NewGuid():N}");
            // A run interrupted once it has unfinished files says how to carry on (once, though
            // both signals come); before that (still copying standard input, or reading the
            // input's variables) nothing is written, and nothing is said.
            int interrupted = 0;
            void OnSignal(PosixSignalContext _)
            {
                RemoveSpool(spoolFolder);
                if (HasUnfinishedFiles(parse.GetValue(output)!) && Interlocked.Exchange(ref interrupted, 1) == 0)
                {
                    stderr.WriteLine($"policytext: interrupted; the files in '{parse.GetValue(output)}' are unfinished (.partial). Run the same command with --resume to carry on from the last checkpoint.");
                    stderr.Flush();
                }
            }

            using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
            using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
            string? spool = null;
            if (inputPath == "-")
            {
                spool = ReferenceEquals(stdin, Console.In)
                    // The bytes as they were piped in, so that they are read (invalid UTF-8
                    // flagged, a UTF-16 byte order mark honoured) and hashed as a file's would be.
                    ? Spool(Console.OpenStandardInput(), spoolFolder, "stdin.jsonl")
                    : Spool(stdin, spoolFolder, "stdin.jsonl");
            }
            else if (File.Exists(inputPath))
            {
                var stream = new FileStream(inputPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
                if (stream.CanSeek)
                {
                    stream.Dispose();
                }
                else
                {
                    spool = Spool(stream, spoolFolder, Path.GetFileName(inputPath));
                }
            }

            try
            {
                var source = CorpusSource.Open(spool ?? inputPath, parse.GetValue(idColumn)!, parse.GetValue(textColumn)!);
                var run = new CorpusRunOptions
                {
                    Tokens = parse.GetValue(tokens),
                    RawCells = parse.GetValue(raw),
                    Threads = parse.GetValue(threads) is > 0 and var n ? n : Environment.ProcessorCount,
                    Resume = parse.GetValue(resume),
                };
                var settings = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["input"] = inputPath,
                    ["threads"] = run.Threads.ToString(CultureInfo.InvariantCulture),
                    ["tokens"] = run.Tokens ? "true" : "false",
                    ["raw_cells"] = run.RawCells ? "true" : "false",
                    ["id_column"] = parse.GetValue(idColumn)!,
                    ["text_column"] = parse.GetValue(textColumn)!,
                    ["lexicon_files"] = string.Join(";", parse.GetValue(lexicon) ?? []),
                    ["model_file"] = parse.GetValue(model) ?? string.Empty,
                    // A retrained model keeps the version it was trained as: its bytes tell two apart.
                    ["lexicon_sha256"] = string.Join(";", (parse.GetValue(lexicon) ?? []).Select(f => ManifestInput.Of(f).Sha256)),
                    ["model_sha256"] = parse.GetValue(model) is { } modelFile ? ManifestInput.Of(modelFile).Sha256 : string.Empty,
                    ["resume"] = run.Resume ? "true" : "false",
                };
                var inputs = spool is null ? Inputs(inputPath, source.Files) : [ManifestInput.Of(spool) with { Path = inputPath }];
                // Notes on what was not read, said after the run (a fatal error stays one line)
                // and even with --quiet, as errors are: documents left out.
                var notes = new List<string>();
                var outFolder = Path.GetFullPath(parse.GetValue(output)!) + Path.DirectorySeparatorChar;
                // Files of other kinds are not read (a .docx, .rtf or .text file); an output
                // folder inside the input folder holds the run's own files, not left-out ones.
                if (source.OtherFiles?.Where(f => !f.StartsWith(outFolder, StringComparison.Ordinal)).ToList() is { Count: > 0 } other)
                {
                    notes.Add($"policytext: note: {other.Count} file{(other.Count == 1 ? string.Empty : "s")} not read, the first '{Path.GetRelativePath(inputPath, other[0]).Replace('\\', '/')}': a folder's .txt and .md files are read; convert other documents to plain text (.txt) first.");
                }

                // Hidden folders are not read (a notebook's or an editor's copies): said, since
                // the files may be wanted.
                if (spool is null && TextFolderCorpus.ListHiddenFolderFiles(inputPath) is { Count: > 0 } hidden)
                {
                    notes.Add($"policytext: note: {hidden.Count} .txt or .md file{(hidden.Count == 1 ? string.Empty : "s")} in hidden folders (names starting with '.') not read, the first '{Path.GetRelativePath(inputPath, hidden[0]).Replace('\\', '/')}'; give such a folder as the input to read it.");
                }

                // Starting afresh over an interrupted run discards its progress: said at once, not
                // after the run, so that the run can still be stopped and resumed instead.
                if (!run.Resume && HasUnfinishedFiles(parse.GetValue(output)!))
                {
                    stderr.WriteLine($"policytext: note: '{parse.GetValue(output)}' holds an interrupted run's unfinished files (.partial); this run replaces them and starts afresh. To continue that run instead, stop this one (Ctrl-C) and run the same command with --resume.");
                }

                var analyzer = new TextAnalyzer(options);
                run = run with { RunKey = RunKey(inputs, Directory.Exists(inputPath), files, settings, analyzer) };
                return Analyze(source, inputs, settings, parse.GetValue(output)!, parse.GetValue(quiet), run, analyzer, stdout, stderr, notes);
            }
            finally
            {
                RemoveSpool(spoolFolder);
            }
        }));
        return command;
    }

    /// <summary>Whether the output folder holds files of a run that is not finished.</summary>
    private static bool HasUnfinishedFiles(string folder)
    {
        try
        {
            return Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*.partial").Any();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Copies a stream that can be read only once, and disposes it, into <paramref name="folder"/> (created) under <paramref name="name"/>.</summary>
    private static string Spool(Stream source, string folder, string name)
    {
        using (source)
        {
            var path = Path.Combine(Directory.CreateDirectory(folder).FullName, name);
            using var spooled = File.Create(path);
            source.CopyTo(spooled);
            return path;
        }
    }

    /// <summary>Copies a reader's text into <paramref name="folder"/> (created) under <paramref name="name"/>, as UTF-8.</summary>
    private static string Spool(TextReader source, string folder, string name)
    {
        var path = Path.Combine(Directory.CreateDirectory(folder).FullName, name);
        using var spooled = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
        var buffer = new char[81920];
        int read;
        while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
        {
            spooled.Write(buffer, 0, read);
        }

        return path;
    }

    /// <summary>Removes a spool folder if it exists (at the end of the run, or when it is interrupted: on Unix a file being read can be removed).</summary>
    private static void RemoveSpool(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: the folder is in the temporary folder.
        }
    }

    private static Command EvalSegmenterCommand(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("file") { Description = "A JSON Lines file: one {\"id\", \"text\", \"expected\": [sentences]} object a line." };
        var min = new Option<int?>("--min-passed") { Description = "Exit with code 1 when fewer cases pass." };
        var command = new Command("eval-segmenter", "Score the sentence segmenter on a JSON Lines test set (such as the English Golden Rules) and print each failure.") { file, min };
        command.SetAction(parse => Guard(stderr, () => EvalSegmenter(parse.GetValue(file)!, parse.GetValue(min), stdout, stderr)));
        return command;
    }

    private static Command CorpusCommand(TextWriter stdout, TextWriter stderr)
    {
        var dir = new Argument<string>("dir") { Description = "A corpus folder holding documents.jsonl (or the file itself)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table." };
        var stats = new Command("stats", "Count documents, sentences, splits and labels of a gold corpus, validating it.") { dir, json };
        stats.SetAction(parse => Guard(stderr, () =>
        {
            var corpus = GoldCorpus.Load(parse.GetValue(dir)!);
            var statistics = CorpusStatistics.Of(corpus);
            stdout.Write(parse.GetValue(json) ? statistics.ToJson() + "\n" : statistics.ToTable(corpus));
            return Ok;
        }));
        return new Command("corpus", "Work with gold corpora in the PolicyText format (corpus/README.md).") { stats };
    }

    private static Option<string[]> LexiconOption() => new("--lexicon")
    {
        Description = "A lexicon file (docs/lexicons.md) replacing the shipped lexicon of the same name (rights, linkage or cues); repeatable.",
        AllowMultipleArgumentsPerToken = false,
    };

    private static LexiconSet? Lexicons(string[]? files, TextWriter stderr)
    {
        if (files is null || files.Length == 0)
        {
            return null;
        }

        var set = LexiconSet.Default;
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var lexicon = Lexicon.Load(file);

            // An empty category may be a heading out of place or a category switched off on
            // purpose (to measure what it adds): run, but say so.
            foreach (var empty in lexicon.Categories.Where(c => !lexicon.Entries.Any(e => e.Category == c)))
            {
                stderr.WriteLine($"policytext: note: {file}: category [{empty}] has no entries, so it is never found.");
            }

            // Each file replaces the lexicon of its name: a second file of the same name would
            // silently set the first aside.
            if (!given.TryAdd(lexicon.Name, file) && Path.GetFullPath(given[lexicon.Name]) != Path.GetFullPath(file))
            {
                throw new ArgumentException($"{file}: '{given[lexicon.Name]}' is also a {lexicon.Name} lexicon (@lexicon {lexicon.Name}); give one file per lexicon name, with every entry in it.");
            }

            try
            {
                set = set.With(lexicon);
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException)
            {
                // The messages of the set name the lexicon, not the file it came from.
                throw new ArgumentException($"{file}: {Readable(ex)}", ex);
            }
        }

        return set;
    }

    private static Command TrainCommand(TextWriter stdout, TextWriter stderr)
    {
        var corpus = new Option<string>("--corpus") { Description = "A gold corpus folder (documents.jsonl); its train split is used.", Required = true };
        var output = new Option<string>("--out", "-o") { Description = "The model file to write.", Required = true };
        var lexicon = LexiconOption();
        var command = new Command("train", "Train the rights and linkage models on a corpus's train split and write a model file.") { corpus, output, lexicon };
        command.SetAction(parse => Guard(stderr, () =>
        {
            var path = parse.GetValue(output)!;
            CheckOutputFile(path, "--out");
            CheckNotInput([path, path + ".partial"], CorpusFiles(parse.GetValue(corpus)!).Concat(parse.GetValue(lexicon) ?? []), "--out", "file name");

            // Nor where a corpus file would be (the folder has no sentences.jsonl yet): the model
            // would then be read as the corpus, and every later load of it fail.
            var corpusPath = parse.GetValue(corpus)!;
            var corpusFolder = Directory.Exists(corpusPath) ? corpusPath
                : Path.GetFileName(corpusPath) == GoldCorpus.FileName ? Path.GetDirectoryName(Path.GetFullPath(corpusPath)) : null;
            foreach (var corpusFile in corpusFolder is null ? [] : CorpusFiles(corpusFolder))
            {
                if (RealPath(corpusFile) == RealPath(path))
                {
                    throw new ArgumentException($"--out: '{path}' is where the corpus's {Path.GetFileName(corpusFile)} is read from; a model file there would be read as the corpus. Choose another file name.");
                }
            }

            var gold = GoldCorpus.Load(parse.GetValue(corpus)!);
            var lexicons = Lexicons(parse.GetValue(lexicon), stderr);

            // Written under a temporary name and moved into place: a failed write leaves no
            // half file, and a file of the same name is replaced, not written over. Opened
            // before training, so that a folder that cannot be written fails at once.
            var partial = path + ".partial";
            var stream = File.Create(partial);
            // Interrupted while training (Ctrl-C, kill), the run leaves no empty file behind.
            void OnSignal(PosixSignalContext _)
            {
                stream.Dispose();
                File.Delete(partial);
            }

            using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
            using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
            try
            {
                TaggerEvaluation.Train(gold, lexicons).Save(stream);
                stream.Dispose();
            }
            catch
            {
                stream.Dispose();
                File.Delete(partial);
                throw;
            }

            File.Move(partial, path, overwrite: true);
            stdout.WriteLine($"trained on {gold.InSplit(CorpusSplit.Train).Sum(d => d.Sentences.Count)} sentences -> {path}");
            return Ok;
        }));
        return command;
    }

    private static Command EvalCommand(TextWriter stdout, TextWriter stderr)
    {
        var corpus = new Option<string>("--corpus") { Description = "A gold corpus folder (documents.jsonl).", Required = true };
        var split = new Option<string>("--split") { Description = "The split to score: train, dev or test.", DefaultValueFactory = _ => "test" };
        var model = new Option<string?>("--model") { Description = "A model file; by default the models are trained on the corpus's train split first." };
        var folds = new Option<int?>("--cv") { Description = "Cross-validate with N folds over the train and dev documents instead of scoring a split (the test documents are left out)." };
        var repeats = new Option<int?>("--repeats") { Description = "With --cv: deal the documents into folds N times, each time in another order, and print each repeat's mean and their standard deviation." };
        var predictions = new Option<string?>("--predictions") { Description = "Also write every evaluated sentence's gold labels and the default system's (in its document and alone) to this CSV file; with --cv, every held-out sentence of every fold." };
        var raw = new Option<bool>("--raw-cells") { Description = "With --predictions: write text cells exactly as they are; by default a cell starting with = + - @ tab or CR gets a leading ' against spreadsheet formula injection." };
        var heldOut = new Option<string?>("--heldout") { Description = "Score every document of another gold corpus folder (documents.jsonl, any splits), such as sentences labelled by the codebook elsewhere, instead of a split of --corpus; the models (unless --model) and the baselines train on --corpus's train split." };
        var labels = new Option<string?>("--labels") { Description = "Also score labels made elsewhere (a second coder's, another tool's) as one more system: a CSV or tab-separated file with a header doc_id, index, rights, linkage and one row per scored sentence (docs/evaluation.md)." };
        var labelsName = new Option<string?>("--labels-name") { Description = "With --labels: the name of those labels in the report (at most 27 characters, a character of the wide East Asian scripts counting as two); by default the file's name without its extension." };
        var lexicon = LexiconOption();
        var command = new Command("eval", "Compare the systems (majority, lexicon only, ML.NET bag-of-words, PolicyText models, PolicyText default) on a split.") { corpus, split, model, folds, repeats, predictions, raw, heldOut, labels, labelsName, lexicon };
        command.SetAction(parse => Guard(stderr, () =>
        {
            if (parse.GetValue(folds) is not null && parse.GetResult(split) is { Implicit: false })
            {
                throw new ArgumentException("--cv cross-validates over the train and dev documents; it cannot be combined with --split.");
            }

            var gold = GoldCorpus.Load(parse.GetValue(corpus)!);
            var which = parse.GetValue(split) switch
            {
                "train" => CorpusSplit.Train,
                "dev" => CorpusSplit.Dev,
                "test" => CorpusSplit.Test,
                var other => throw new ArgumentException($"--split must be train, dev or test; got '{other}'."),
            };
            var lexicons = Lexicons(parse.GetValue(lexicon), stderr);
            if (parse.GetValue(folds) is not null && parse.GetValue(model) is not null)
            {
                throw new ArgumentException("--cv trains a model for every fold; it cannot be combined with --model.");
            }

            if (parse.GetValue(folds) is null && parse.GetValue(repeats) is not null)
            {
                throw new ArgumentException("--repeats repeats a cross-validation; give --cv too.");
            }

            var heldOutCorpus = parse.GetValue(heldOut) is { } heldOutPath ? GoldCorpus.Load(heldOutPath) : null;
            if (heldOutCorpus is not null && (parse.GetValue(folds) is not null || parse.GetResult(split) is { Implicit: false }))
            {
                throw new ArgumentException("--heldout scores another corpus; it cannot be combined with --cv or --split.");
            }

            // What would fail after the models are trained fails now.
            if (heldOutCorpus is { Documents.Count: 0 })
            {
                throw new ArgumentException($"The held-out corpus '{parse.GetValue(heldOut)}' has no documents to score.");
            }

            // Scores of sentences the models were trained on are not held-out scores: say so
            // (a held-out folder given by mistake, or a set that overlaps the training data).
            // A few shared lines (a byline, "There is something to this.") are chance; a share of
            // 2 % or more is not, nor a small set that is all training sentences.
            if (heldOutCorpus is not null && SharedWithTraining(gold, heldOutCorpus) is ({ } first, var shared, var total) && ((shared >= 5 && shared * 50 >= total) || shared == total))
            {
                stderr.WriteLine($"policytext: warning: {shared} of the {total} held-out sentences (of 20 characters or more) are, word for word, sentences of --corpus's train split, which trains the baselines{(parse.GetValue(model) is null ? " and the models" : string.Empty)}, the first \"{(first.Length > 60 ? first[..60] + "…" : first)}\": their scores are not held-out scores.");
            }

            if (heldOutCorpus is null && parse.GetValue(folds) is null && !gold.InSplit(which).Any())
            {
                throw new ArgumentException($"The corpus has no documents in the {which.ToString().ToLowerInvariant()} split to score.");
            }

            if (parse.GetValue(raw) && parse.GetValue(predictions) is null)
            {
                throw new ArgumentException("--raw-cells says how the --predictions file is written; give --predictions too.");
            }

            if (parse.GetValue(labelsName) is not null && parse.GetValue(labels) is null)
            {
                throw new ArgumentException("--labels-name names the labels of --labels; give --labels too.");
            }

            GivenLabels? given = null;
            if (parse.GetValue(labels) is { } labelsPath)
            {
                if (parse.GetValue(folds) is not null)
                {
                    throw new ArgumentException("--labels scores labels of one split or held-out corpus; it cannot be combined with --cv.");
                }

                given = GivenLabels.Load(labelsPath, parse.GetValue(labelsName));
                given.CheckCovers(heldOutCorpus?.Documents ?? gold.InSplit(which));
            }

            if (parse.GetValue(predictions) is { } predictionsPath)
            {
                CheckOutputFile(predictionsPath, "--predictions");
                var read = CorpusFiles(parse.GetValue(corpus)!)
                    .Concat(parse.GetValue(heldOut) is { } h ? CorpusFiles(h) : [])
                    .Concat(parse.GetValue(lexicon) ?? [])
                    .Concat(parse.GetValue(labels) is { } l ? [l] : [])
                    .Concat(parse.GetValue(model) is { } m ? [m] : []);
                CheckNotInput([predictionsPath, predictionsPath + ".partial"], read, "--predictions", "file name");
            }

            // The predictions file is opened (as PATH.partial) before the evaluation runs, so that a
            // bad path fails at once, and renamed when complete, so that a failed run leaves no
            // file and an older one in place.
            var path = parse.GetValue(predictions);
            var writer = path is null ? null : new PredictionCsvWriter(File.Create(path + ".partial"), rawCells: parse.GetValue(raw));
            try
            {
                List<(string Part, EvaluationReport Report)> parts;
                // Training takes a minute or more, and nothing is printed until the report:
                // said first, on standard error, so that the wait is explained and standard
                // output stays the report alone.
                int trainDocuments = gold.InSplit(CorpusSplit.Train).Count();
                if (parse.GetValue(folds) is { } n)
                {
                    int pooled = trainDocuments + gold.InSplit(CorpusSplit.Dev).Count();
                    stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"policytext: cross-validating over the {pooled} train and dev documents: {n} folds{((parse.GetValue(repeats) ?? 1) > 1 ? $", dealt {parse.GetValue(repeats)} times" : string.Empty)}, each training the models and the baselines; this takes minutes."));
                    var cv = TaggerEvaluation.CrossValidate(gold, n, lexicons, parse.GetValue(repeats) ?? 1);
                    stdout.Write(cv.ToText());
                    parts = [.. cv.Folds.Select((f, k) => ("cv" + cv.FoldName(k), f))];
                }
                else
                {
                    if (trainDocuments > 0)
                    {
                        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"policytext: training {(parse.GetValue(model) is null ? "PolicyText's models and " : string.Empty)}the baselines on the {trainDocuments} documents of the corpus's train split, then scoring {(heldOutCorpus is null ? $"its {which.ToString().ToLowerInvariant()} split" : "the held-out corpus")}; this takes a minute or more."));
                    }

                    var models = parse.GetValue(model) is { } file ? PolicyModels.Load(file) : TaggerEvaluation.Train(gold, lexicons);
                    var report = heldOutCorpus is null ? TaggerEvaluation.Evaluate(gold, which, models, lexicons, given) : TaggerEvaluation.Evaluate(gold, heldOutCorpus, models, lexicons, given);
                    stdout.Write(report.ToText());
                    parts = [(report.HeldOut ? "heldout" : which.ToString().ToLowerInvariant(), report)];
                }

                if (writer is not null)
                {
                    foreach (var (part, report) in parts)
                    {
                        writer.Write(part, report.Predictions ?? []);
                    }

                    writer.Dispose();
                    writer = null;
                    File.Move(path + ".partial", path!, overwrite: true);
                }

                return Ok;
            }
            finally
            {
                if (writer is not null)
                {
                    writer.Dispose();
                    File.Delete(path + ".partial");
                }
            }
        }));
        return command;
    }

    /// <summary>The files a gold corpus path names: the file itself, or a folder's documents.jsonl and sentences.jsonl.</summary>
    private static IEnumerable<string> CorpusFiles(string corpus) =>
        Directory.Exists(corpus) ? [Path.Combine(corpus, "documents.jsonl"), Path.Combine(corpus, "sentences.jsonl")] : [corpus];

    /// <summary>
    /// Fails at once when a file the command would write is one it reads: the same path, once
    /// links are resolved (a link to the file, or a path through a linked folder). Writing it
    /// would replace the input (`analyze data/documents.csv --out data`). A hard link is another
    /// name for the input's data, which every writer here leaves in place: outputs are written
    /// under a temporary name and moved over the target, so the input keeps its content.
    /// </summary>
    private static void CheckNotInput(IEnumerable<string> outputs, IEnumerable<string> inputs, string option, string instead)
    {
        var read = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            if (File.Exists(input))
            {
                read.TryAdd(RealPath(input), input);
            }
        }

        foreach (var output in outputs)
        {
            if (read.TryGetValue(RealPath(output), out var input))
            {
                throw new ArgumentException($"{option}: writing '{output}' would overwrite the input '{input}'; choose another {instead}.");
            }
        }
    }

    /// <summary>The full path of <paramref name="path"/> with every link on it resolved, the folders' as well as the file's (a path that does not exist is resolved as far as it exists).</summary>
    private static string RealPath(string path, int depth = 0)
    {
        var full = Path.GetFullPath(path);
        var parent = Path.GetDirectoryName(full);
        if (parent is null || depth > 64)
        {
            return full;
        }

        var candidate = Path.Combine(RealPath(parent, depth + 1), Path.GetFileName(full));
        try
        {
            FileSystemInfo info = Directory.Exists(candidate) ? new DirectoryInfo(candidate) : new FileInfo(candidate);
            return info.Exists && info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target
                ? RealPath(target.FullName, depth + 1)
                : candidate;
        }
        catch (IOException)
        {
            return candidate;
        }
    }

    /// <summary>Fails at once when <paramref name="path"/> cannot be a file to write: a folder, or in a folder that does not exist.</summary>
    private static void CheckOutputFile(string path, string option)
    {
        if (Directory.Exists(path))
        {
            throw new ArgumentException($"{option} '{path}' is a folder; give the name of a file to write.");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new ArgumentException($"{option} '{path}': the folder '{folder}' does not exist.");
        }
    }

    /// <summary>Turns expected failures into one line on standard error and exit code 1, never a stack trace.</summary>
    internal static int Guard(TextWriter stderr, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or ArgumentException or InvalidOperationException)
        {
            stderr.WriteLine($"policytext: {Readable(ex)}");
            return Fatal;
        }
        catch (OutOfMemoryException)
        {
            // One line or field held whole (a CSV field of gigabytes) can exhaust memory: said in
            // one line, not as a stack trace. (JSON Lines lines past 64 MiB are skipped instead.)
            stderr.WriteLine("policytext: out of memory: a line, field or file of the input may be too large to hold at once; split it, or free memory, and run again.");
            return Fatal;
        }
    }

    /// <summary>An exception's message for a user of the command line: without .NET's " (Parameter 'x')" suffix, and an empty path said as such.</summary>
    internal static string Readable(Exception ex) => ex switch
    {
        ArgumentException { ParamName: "path" } when ex.Message.StartsWith("The value cannot be an empty string", StringComparison.Ordinal) =>
            "A file or folder given on the command line is an empty string; give its path.",
        ArgumentException { ParamName: { } param } => ex.Message.Replace($" (Parameter '{param}')", string.Empty, StringComparison.Ordinal),
        _ => ex.Message,
    };

    /// <summary>
    /// What a checkpoint must match to be continued, in four parts, each a name and the hash of
    /// its facts (<see cref="RunKeyParts"/>), one a line: the input files' names and contents,
    /// the options that change the output (not the number of threads, which does not), the
    /// contents of the lexicon and model files, and the versions in use. A checkpoint refused
    /// for its key is refused naming the parts that differ (<see cref="CorpusRunOptions.RunKey"/>).
    /// </summary>
    private static string RunKey(List<ManifestInput> inputs, bool folder, IEnumerable<string> lexiconAndModelFiles, Dictionary<string, string> settings, TextAnalyzer analyzer) =>
        string.Concat(RunKeyParts(inputs, folder, lexiconAndModelFiles, settings, analyzer).Select(part =>
            part.Name + "\t" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(part.Facts))) + "\n"));

    /// <summary>The facts <see cref="RunKey"/> hashes, one a line, all parts together.</summary>
    internal static string RunKeyText(List<ManifestInput> inputs, bool folder, IEnumerable<string> lexiconAndModelFiles, Dictionary<string, string> settings, TextAnalyzer analyzer) =>
        string.Concat(RunKeyParts(inputs, folder, lexiconAndModelFiles, settings, analyzer).Select(part => part.Facts));

    /// <summary>The parts of <see cref="RunKey"/>: a name that a refusal can show, and the facts, one a line.</summary>
    internal static IReadOnlyList<(string Name, string Facts)> RunKeyParts(List<ManifestInput> inputs, bool folder, IEnumerable<string> lexiconAndModelFiles, Dictionary<string, string> settings, TextAnalyzer analyzer)
    {
        // A folder's files by their paths within it (their ids), a single file by its name (a
        // .txt file's id), so that the same input spelled another way (./in.jsonl, an absolute
        // path, another working folder) is the same run.
        var input = new System.Text.StringBuilder();
        foreach (var file in inputs)
        {
            input.Append("input\t").Append(folder ? file.Path : Path.GetFileName(file.Path)).Append('\t').Append(file.Sha256).Append('\n');
        }

        var options = new System.Text.StringBuilder();
        foreach (var name in new[] { "tokens", "raw_cells", "id_column", "text_column" })
        {
            options.Append(name).Append('\t').Append(settings[name]).Append('\n');
        }

        var files = new System.Text.StringBuilder();
        foreach (var file in lexiconAndModelFiles)
        {
            files.Append("file\t").Append(ManifestInput.Of(file).Sha256).Append('\n');
        }

        // The CSV schema and the tool's version: a run is never continued by a build that writes
        // other columns or reads the text otherwise (another segmentation, other labels).
        var versions = new System.Text.StringBuilder();
        versions.Append("schema\t").Append(RunManifest.SchemaVersion).Append("\ntool\t").Append(RunManifest.ToolVersion).Append('\n');
        versions.Append("reading\t").Append(InputReadingVersion).Append('\n');
        versions.Append("lexicons\t").Append(analyzer.Lexicons.Version).Append("\nmodels\t").Append(analyzer.Models?.Version ?? "none").Append('\n');
        return
        [
            ("input (its files' names or contents)", input.ToString()),
            ("options (--tokens, --raw-cells, --id-column, --text-column)", options.ToString()),
            ("--lexicon or --model files", files.ToString()),
            ("PolicyText version (the tool's, its CSV schema's, how it reads inputs, or its lexicons' or models')", versions.ToString()),
        ];
    }

    /// <summary>
    /// The version of how the readers turn an input into items (documents and errors): raised
    /// whenever the same input gives other items, so that a checkpoint of a run that counted its
    /// items otherwise is not continued by skipping the wrong number of them. 2: rows of nothing
    /// but separators skipped, empty ids refused, lone surrogate escapes read (forty-first session).
    /// 3: a CSV header repeated mid-file refused, hidden folders left out, a link to a named pipe
    /// or device read as empty, a negative numeric id written as a number, a Markdown file's
    /// front matter read past (forty-fourth session). 4: a JSON Lines line over 64 MiB refused
    /// unread, with its own message, and the errors so far kept in the checkpoint's log
    /// (forty-sixth session). 5: a sentence of more than 250 words flagged <c>long_sentence</c> in
    /// errors.csv (forty-eighth session), so that a run is not continued from an earlier build's
    /// checkpoint, whose documents before it would lack the flag. 6: an empty text (or a
    /// missing-value mark alone, NA) flagged <c>empty_text</c> (the same session). 7: a JSON
    /// Lines text that is null read as an empty text, not a malformed line (forty-ninth session).
    /// </summary>
    internal const int InputReadingVersion = 7;

    /// <summary>The input files of a run, for the manifest: a folder's are the files its items are read from (<paramref name="files"/>, listed once), so that the manifest names the files analysed even when the folder changes during the run.</summary>
    internal static List<ManifestInput> Inputs(string input, IReadOnlyList<(string Id, string Path)>? files) =>
        Directory.Exists(input)
            ? (files ?? TextFolderCorpus.ListFiles(input)).Select(f => ManifestInput.Of(f.Path) with { Path = Path.GetRelativePath(input, f.Path).Replace('\\', '/') }).ToList()
            : File.Exists(input) ? [ManifestInput.Of(input)] : [];

    /// <summary>The held-out sentences of 20 characters or more whose text (white space aside) is a sentence of the train split's: the first, their number and the number of such held-out sentences; null when none is.</summary>
    private static (string First, int Shared, int Total)? SharedWithTraining(GoldCorpus corpus, GoldCorpus heldOut)
    {
        static string Key(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var trained = new HashSet<string>(corpus.InSplit(CorpusSplit.Train).SelectMany(d => d.Sentences.Select(s => Key(d.GetText(s)))), StringComparer.Ordinal);
        string? first = null;
        int shared = 0;
        int total = 0;
        foreach (var d in heldOut.Documents)
        {
            foreach (var s in d.Sentences)
            {
                var key = Key(d.GetText(s));
                if (key.Length < 20)
                {
                    continue;
                }

                total++;
                if (trained.Contains(key))
                {
                    shared++;
                    first ??= key;
                }
            }
        }

        return first is null ? null : (first, shared, total);
    }

    private static int Analyze(CorpusSource source, List<ManifestInput> inputs, Dictionary<string, string> settings, string outDir, bool quiet, CorpusRunOptions options, TextAnalyzer analyzer, TextWriter stdout, TextWriter stderr, List<string> notes)
    {
        var started = DateTimeOffset.UtcNow;

        // Progress goes to standard error, so that standard output carries only the summary.
        var progress = quiet ? null : new ProgressReporter(stderr, terminal: ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected, source.Count);
        var result = CorpusRunner.Run(source.Items, source.Variables, outDir, analyzer, options, progress);
        progress?.Done();
        new RunManifest(inputs, result.Rows, started, DateTimeOffset.UtcNow, analyzer.Lexicons.Version, analyzer.Models?.Version ?? "none", settings).Write(outDir);
        if (options.Resume && !result.Resumed)
        {
            notes.Add($"policytext: note: no checkpoint in '{outDir}' (its run finished, or none was begun there): --resume started afresh.");
        }

        foreach (var note in notes)
        {
            stderr.WriteLine(note);
        }

        if (result.Documents == 0 && result.Errors.Count == 0)
        {
            // Not an error (the files are written, with their headers), but rarely what was meant.
            stderr.WriteLine("policytext: warning: the input holds no documents (a folder is searched for .txt and .md files; a JSON Lines or CSV file for lines or rows).");
        }

        if (!quiet)
        {
            var written = string.Join(", ", result.Files.Where(f => f != "errors.csv"));
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Documents} documents, {result.Sentences} sentences -> {outDir} ({written})"));
            if (result.Errors.Count > 0)
            {
                // Rows, not documents: an analysed document can carry several flags.
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.Errors.Count} {(result.Errors.Count == 1 ? "row for a document that could not be read or analysed, or was flagged" : "rows for documents that could not be read or analysed, or were flagged")} -> {Path.Combine(outDir, "errors.csv")}"));
            }
        }

        return result.Errors.Count > 0 ? DocumentErrors : Ok;
    }

    private static int EvalSegmenter(string file, int? minPassed, TextWriter stdout, TextWriter stderr)
    {
        if (minPassed < 0)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"policytext: --min-passed must be 0 or more; it is {minPassed}."));
            return Fatal;
        }

        var results = SegmenterEvaluation.Run(SegmenterEvaluation.ReadCases(file));
        int passed = 0;
        foreach (var r in results)
        {
            if (r.Passed)
            {
                passed++;
                continue;
            }

            stdout.WriteLine($"FAIL {r.Case.Id}");
            stdout.WriteLine($"  text:     {OneLine(r.Case.Text)}");
            stdout.WriteLine($"  expected: {Format(r.Case.Expected)}");
            stdout.WriteLine($"  actual:   {Format(r.Actual)}");
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"passed {passed}/{results.Count}"));
        if (minPassed is { } min && passed < min)
        {
            // Exit code 1 says why, on standard error, as every fatal error does.
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"policytext: {passed} of {results.Count} {(results.Count == 1 ? "case" : "cases")} passed, fewer than --min-passed {min}{(min > results.Count ? $" (the file has only {results.Count})" : string.Empty)}."));
            return Fatal;
        }

        return Ok;
    }

    private static string Format(IReadOnlyList<string> sentences) => "[" + string.Join(" | ", sentences.Select(OneLine)) + "]";

    /// <summary>A text on one line of the report: its line breaks and tabs written as <c>\n</c>, <c>\r</c> and <c>\t</c>.</summary>
    private static string OneLine(string text) => text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);
}
