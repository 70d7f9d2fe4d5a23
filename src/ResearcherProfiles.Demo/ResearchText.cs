using System.Globalization;
using System.Text;
using Bogus;

namespace ResearcherProfiles.Demo;

internal enum ResearchArea
{
    Nlp,
    MachineLearning,
    Systems,
    Vision,
    Theory,
}

/// <summary>A generated paper's wording; the parts are kept so the summary agrees with the title.</summary>
internal sealed record PaperText(string Title, string Summary, string Abstract, string? SystemName);

/// <summary>
/// Composes plausible paper titles, summaries and abstracts from per-area phrase lists. Lorem ipsum
/// would make the pages look unfinished; phrases that fit together make the demo read like a real site.
/// </summary>
internal sealed class ResearchText(Randomizer random)
{
    private sealed record Vocabulary(
        string[] Techniques,
        string[] Tasks,
        string[] Models,
        string[] Challenges,
        string[] Results,
        string[] Interests);

    private static readonly string[] SystemNames =
    [
        "Tessera", "Quill", "Marlin", "Kestrel", "Fathom", "Lodestar", "Cinder", "Tandem", "Braid", "Cairn",
        "Ember", "Sextant", "Lattice", "Sieve", "Ledger", "Anvil", "Beacon", "Driftwood", "Gantry", "Keel",
        "Loom", "Mantle", "Nimbus", "Pylon", "Quarry", "Rivet", "Spindle", "Trellis", "Vane", "Wicket",
        "Zephyr", "Halyard", "Bramble", "Cobalt", "Fennel", "Juniper", "Larch", "Osprey", "Plover", "Thistle",
    ];

    private static readonly string[] Adjectives =
    [
        "faithful", "robust", "efficient", "calibrated", "scalable", "data-efficient", "interpretable", "reliable",
    ];

    private static readonly string[] Properties =
    [
        "robustness", "calibration", "sample efficiency", "brittleness", "generalization", "stability",
    ];

    private static readonly string[] Numbers = ["two", "three", "four", "five", "six", "seven", "eight", "nine"];

    private static readonly Dictionary<ResearchArea, Vocabulary> Vocabularies = new()
    {
        [ResearchArea.Nlp] = new(
            Techniques:
            [
                "retrieval-augmented generation", "contrastive decoding", "instruction tuning", "preference optimization",
                "chain-of-thought distillation", "self-consistency sampling", "constrained decoding", "cross-lingual transfer",
                "tokenizer-free modeling", "in-context learning", "data pruning", "curriculum data mixing",
                "uncertainty-aware decoding", "knowledge editing", "prompt compression", "evidence attribution",
            ],
            Tasks:
            [
                "multilingual question answering", "long-document summarization", "open-domain dialogue",
                "low-resource machine translation", "mathematical reasoning", "factual consistency evaluation", "tool use",
                "code generation", "multi-hop reasoning", "clinical text understanding", "claim verification", "semantic parsing",
            ],
            Models: ["large language models", "small language models", "multilingual encoders", "instruction-following models", "tool-using language models"],
            Challenges:
            [
                "reference answers are scarce and noisy", "errors compound over long outputs",
                "automatic metrics reward surface overlap rather than correctness", "most languages have little annotated data",
                "the relevant evidence is spread across many documents",
            ],
            Results:
            [
                "improves exact match by {p} points over strong baselines on {k} benchmarks",
                "matches a model {x} times larger while using {q}% less compute",
                "reduces unsupported claims by {q}% in human evaluation",
                "raises accuracy by {p} points on {k} typologically diverse languages",
            ],
            Interests:
            [
                "Natural language processing", "Large language models", "Retrieval-augmented generation", "Multilinguality",
                "Evaluation", "Reasoning", "Factuality", "Machine translation", "Dialogue systems",
            ]),
        [ResearchArea.MachineLearning] = new(
            Techniques:
            [
                "sparse mixture-of-experts routing", "low-rank adaptation", "diffusion guidance", "state-space sequence models",
                "contrastive pretraining", "test-time adaptation", "knowledge distillation", "Bayesian last-layer inference",
                "reward modeling", "offline reinforcement learning", "model merging", "continual pretraining",
            ],
            Tasks:
            [
                "tabular prediction", "out-of-distribution detection", "long-horizon planning", "molecule generation",
                "time-series forecasting", "few-shot classification", "active learning", "federated fine-tuning",
            ],
            Models: ["transformers", "diffusion models", "foundation models", "graph neural networks", "recurrent networks"],
            Challenges:
            [
                "labels are expensive and the test distribution rarely matches training",
                "training becomes unstable as models grow", "standard benchmarks hide systematic failure modes",
                "the search space grows exponentially with the horizon",
            ],
            Results:
            [
                "improves accuracy by {p} points on {k} of the standard benchmarks",
                "matches a model {x} times larger while using {q}% less compute",
                "cuts the calibration error by {q}% without retraining",
                "reaches the baseline's final loss with {q}% fewer training steps",
            ],
            Interests:
            [
                "Machine learning", "Representation learning", "Generative models", "Reinforcement learning",
                "Uncertainty quantification", "Deep learning", "Transfer learning",
            ]),
        [ResearchArea.Systems] = new(
            Techniques:
            [
                "speculative decoding", "KV-cache paging", "operator fusion", "pipeline-parallel scheduling",
                "quantization-aware kernels", "disaggregated prefill and decode", "elastic checkpointing", "compiler autotuning",
                "memory-efficient attention kernels", "request-level batching", "tensor-parallel sharding",
            ],
            Tasks:
            [
                "LLM inference serving", "distributed training", "GPU cluster scheduling", "on-device inference",
                "sparse tensor compilation", "fault-tolerant training", "multi-tenant model serving", "edge deployment",
            ],
            Models: ["large language models", "mixture-of-experts models", "GPU clusters", "hardware accelerators"],
            Challenges:
            [
                "memory bandwidth, not compute, bounds throughput", "workloads are bursty and heterogeneous",
                "failures are routine at the scale of thousands of GPUs", "hand-written kernels do not transfer across hardware",
            ],
            Results:
            [
                "improves throughput by {x} times over the state of the art",
                "cuts tail latency by {q}% under production traces",
                "reduces peak memory by {q}% with no loss in model quality",
                "recovers from node failures in under {k} seconds",
            ],
            Interests:
            [
                "ML systems", "Distributed systems", "GPU programming", "Compilers", "Operating systems",
                "Efficient inference", "High-performance computing",
            ]),
        [ResearchArea.Vision] = new(
            Techniques:
            [
                "masked autoencoding", "neural radiance fields", "open-vocabulary detection", "video diffusion",
                "visual instruction tuning", "3D Gaussian splatting", "self-supervised pretraining", "point cloud registration",
                "test-time augmentation",
            ],
            Tasks:
            [
                "semantic segmentation", "monocular depth estimation", "novel view synthesis", "video understanding",
                "image captioning", "visual question answering", "3D scene reconstruction", "remote sensing",
            ],
            Models: ["vision transformers", "vision-language models", "diffusion models", "video models"],
            Challenges:
            [
                "dense labels are expensive to collect", "scenes change faster than models can be retrained",
                "models latch onto texture rather than shape", "real capture setups are noisy and uncalibrated",
            ],
            Results:
            [
                "improves mIoU by {p} points on {k} benchmarks",
                "renders novel views {x} times faster at equal quality",
                "reduces annotation cost by {q}% at equal accuracy",
                "sets a new state of the art on {k} zero-shot benchmarks",
            ],
            Interests:
            [
                "Computer vision", "3D vision", "Video understanding", "Vision-language models", "Self-supervised learning",
            ]),
        [ResearchArea.Theory] = new(
            Techniques:
            [
                "stochastic gradient descent", "adaptive step sizes", "mirror descent", "kernel ridge regression",
                "conformal prediction", "online learning", "Langevin dynamics", "random features",
            ],
            Tasks:
            [
                "non-convex optimization", "overparameterized regression", "bandit problems",
                "distribution-free uncertainty quantification", "private learning", "minimax estimation",
            ],
            Models: ["two-layer networks", "linear models", "kernel methods", "deep networks"],
            Challenges:
            [
                "classical bounds are vacuous in the overparameterized regime", "the loss landscape is non-convex",
                "the data may be chosen by an adversary", "privacy constraints limit what can be learned",
            ],
            Results:
            [
                "establishes matching upper and lower bounds up to logarithmic factors",
                "proves convergence at the optimal rate under weaker assumptions",
                "tightens the best known sample complexity by a factor of {k}",
                "gives the first finite-sample guarantee for this setting",
            ],
            Interests:
            [
                "Learning theory", "Optimization", "High-dimensional statistics", "Online learning", "Differential privacy",
            ]),
    };

    private static readonly HashSet<string> SmallWords =
        ["a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "via", "with", "vs"];

    private readonly HashSet<string> _usedNames = new(StringComparer.Ordinal);

    public PaperText Paper(ResearchArea area)
    {
        var v = Vocabularies[area];
        var technique = random.ArrayElement(v.Techniques);
        var task = random.ArrayElement(v.Tasks);
        var models = random.ArrayElement(v.Models);
        var name = random.Bool(0.45f) ? FreshSystemName() : null;
        var adjective = random.ArrayElement(Adjectives);

        var title = name is not null
            ? random.Number(2) switch
            {
                0 => $"{name}: {technique} for {task}",
                1 => $"{name}: {adjective} {task} via {technique}",
                _ => $"{name}: a benchmark for {task} with {models}",
            }
            : random.Number(6) switch
            {
                0 => $"{technique} for {task}",
                1 => $"towards {adjective} {task}",
                2 => $"when does {technique} help {models}?",
                3 => $"on the {random.ArrayElement(Properties)} of {technique} in {models}",
                4 => $"rethinking {technique} for {task}",
                5 => $"a closer look at {technique} for {task}",
                _ => $"what makes {technique} work? an empirical study of {task}",
            };

        var result = Fill(random.ArrayElement(v.Results));
        var subject = name ?? "Our method";
        var summary = random.Number(1) == 0
            ? $"We study {technique} for {task}. {subject} {result}."
            : $"We revisit {task} through the lens of {technique}. {subject} {result}, and we analyse where it still fails.";

        var abstractText = new StringBuilder()
            .Append(Capitalize(task)).Append(" remains difficult for ").Append(models)
            .Append(" because ").Append(random.ArrayElement(v.Challenges)).Append(". ")
            .Append("Existing approaches either ignore this structure or require costly supervision. ")
            .Append("We introduce ").Append(name ?? "a simple method").Append(", which builds on ").Append(technique)
            .Append(" and needs no additional labels. ")
            .Append("Across ").Append(random.ArrayElement(Numbers)).Append(" settings, ")
            .Append(name ?? "it").Append(' ').Append(Fill(random.ArrayElement(v.Results))).Append(". ")
            .Append("Ablations show which components matter, and we release code and data to support follow-up work.")
            .ToString();

        return new PaperText(TitleCase(title), summary, abstractText, name);
    }

    /// <summary>Two papers on one page sharing a system name would look like a copy error, so names repeat only once all are used.</summary>
    private string FreshSystemName()
    {
        if (_usedNames.Count == SystemNames.Length)
        {
            _usedNames.Clear();
        }
        var name = random.ArrayElement(SystemNames);
        while (!_usedNames.Add(name))
        {
            name = random.ArrayElement(SystemNames);
        }
        return name;
    }

    public IReadOnlyList<string> Interests(ResearchArea area, int count) =>
        random.ListItems(Vocabularies[area].Interests, count).ToList();

    public string Technique(ResearchArea area) => random.ArrayElement(Vocabularies[area].Techniques);

    public string Task(ResearchArea area) => random.ArrayElement(Vocabularies[area].Tasks);

    private string Fill(string template) => template
        .Replace("{p}", (random.Number(12, 68) / 10.0).ToString("0.0", CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{q}", random.Number(12, 64).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{x}", random.Number(2, 8).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{k}", random.ArrayElement(Numbers), StringComparison.Ordinal);

    public static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>Headline-style capitalisation that leaves acronyms ("LLM", "KV-cache") alone.</summary>
    public static string TitleCase(string text)
    {
        var words = text.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            var startsPhrase = i == 0 || words[i - 1].EndsWith(':') || words[i - 1].EndsWith('?');
            var parts = words[i].Split('-');
            for (var j = 0; j < parts.Length; j++)
            {
                // "in-Context" reads wrong, so only a whole small word or a later part ("Chain-of-Thought") stays lowercase.
                var keepLower = j > 0 || (parts.Length == 1 && !startsPhrase);
                if (keepLower && SmallWords.Contains(parts[j]))
                {
                    continue;
                }
                parts[j] = Capitalize(parts[j]);
            }
            words[i] = string.Join('-', parts);
        }
        return string.Join(' ', words);
    }
}
