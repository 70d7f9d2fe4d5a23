using ResearcherProfiles.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace ResearcherProfiles.Tests.Topology;

/// <summary>The top-level docker-compose.yml, read as YAML, for what the tests take from it.</summary>
public sealed class ComposeFile
{
    private readonly YamlMappingNode root;

    private ComposeFile(YamlMappingNode root) => this.root = root;

    public static ComposeFile Load()
    {
        using var reader = new StreamReader(Path.Combine(RepositoryFiles.Root, "docker-compose.yml"));
        var yaml = new YamlStream();
        yaml.Load(reader);
        return new ComposeFile((YamlMappingNode)yaml.Documents[0].RootNode);
    }

    public IReadOnlyList<string> ServiceNames => Mapping(root, "services").Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToList();

    public YamlMappingNode Service(string name) => Mapping(Mapping(root, "services"), name);

    /// <summary>A service's environment as written (values still hold their ${...} references).</summary>
    public IReadOnlyDictionary<string, string> Environment(string service) =>
        Mapping(Service(service), "environment").Children.ToDictionary(
            e => ((YamlScalarNode)e.Key).Value!,
            e => ((YamlScalarNode)e.Value).Value ?? "",
            StringComparer.Ordinal);

    /// <summary>The inline content of a top-level config (the proxy's nginx configuration).</summary>
    public string Config(string name) => Scalar(Mapping(Mapping(root, "configs"), name), "content");

    public IReadOnlyList<string> Volumes => Mapping(root, "volumes").Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToList();

    public static YamlMappingNode Mapping(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) && child is YamlMappingNode mapping
            ? mapping
            : throw new KeyNotFoundException($"docker-compose.yml has no mapping \"{key}\" where expected.");

    public static string Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) && child is YamlScalarNode { Value: { } value }
            ? value
            : throw new KeyNotFoundException($"docker-compose.yml has no value \"{key}\" where expected.");

    public static bool Has(YamlMappingNode node, string key) => node.Children.ContainsKey(new YamlScalarNode(key));
}
