using ResearcherProfiles.Web.Startup;
using StackExchange.Redis;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace ResearcherProfiles.Tests.Infrastructure;

/// <summary>The Redis server the tests use: <c>TEST_REDIS</c>, set by tests/services.sh's env file.</summary>
public static class TestRedis
{
    public const string NotConfigured =
        "TEST_REDIS is not set: start the test services (bash tests/services.sh start) and source artifacts/test-services.env, as tests/run.sh does.";

    /// <summary>A StackExchange.Redis configuration string, or null when no server is given.</summary>
    public static string? Configuration => Environment.GetEnvironmentVariable("TEST_REDIS") is { Length: > 0 } value ? value : null;

    /// <summary>A key prefix of its own, so that test classes running side by side never share pages.</summary>
    public static string NewInstanceName() => $"tests-{Guid.NewGuid():N}:";

    /// <summary>The keys under <paramref name="instanceName"/>: a running test server holds nothing between runs.</summary>
    public static async Task<IReadOnlyList<string>> KeysAsync(string instanceName)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(Configuration ?? throw new InvalidOperationException(NotConfigured));
        var server = redis.GetServers().Single();
        var keys = new List<string>();
        await foreach (var key in server.KeysAsync(pattern: instanceName + "*"))
        {
            keys.Add(key.ToString());
        }
        return keys;
    }

    public static async Task DeleteKeysAsync(string instanceName)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(Configuration ?? throw new InvalidOperationException(NotConfigured));
        var server = redis.GetServers().Single();
        var database = redis.GetDatabase();
        await foreach (var key in server.KeysAsync(pattern: instanceName + "*"))
        {
            await database.KeyDeleteAsync(key);
        }
    }
}

/// <summary>The whole app with its public pages cached in the test Redis, under a key prefix of its own.</summary>
public class RedisAppFactory : ProfilesAppFactory
{
    public RedisAppFactory()
        : this(Path.Combine(Path.GetTempPath(), "researcher-profiles-tests", Guid.NewGuid().ToString("N")), TestRedis.NewInstanceName())
    {
    }

    /// <summary>An app over <paramref name="dataDirectory"/> whose Redis keys start with <paramref name="instanceName"/>: instances given the same name share their pages.</summary>
    protected RedisAppFactory(string dataDirectory, string instanceName)
        : base(dataDirectory) => InstanceName = instanceName;

    public string InstanceName { get; }

    protected override IReadOnlyDictionary<string, string> ExtraSettings => new Dictionary<string, string>
    {
        [SharedPageCache.ConnectionStringKey] = TestRedis.Configuration ?? throw new InvalidOperationException(TestRedis.NotConfigured),
        [SharedPageCache.InstanceNameKey] = InstanceName,
    };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (TestRedis.Configuration is not null)
        {
            await TestRedis.DeleteKeysAsync(InstanceName);
        }
        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// A test class whose tests need the test Redis server. Its <see cref="ServiceFactAttribute"/> and
/// <see cref="ServiceTheoryAttribute"/> tests are reported as skipped, with the reason, when
/// TEST_REDIS is not set; tests/run.sh always sets it.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NeedsRedisAttribute : Attribute;

/// <summary>A fact that a <see cref="NeedsRedisAttribute"/> class skips without a Redis server, and any other class runs as usual.</summary>
[XunitTestCaseDiscoverer("ResearcherProfiles.Tests.Infrastructure.ServiceFactDiscoverer", "ResearcherProfiles.Tests")]
public sealed class ServiceFactAttribute : FactAttribute;

/// <summary>A theory that a <see cref="NeedsRedisAttribute"/> class skips without a Redis server, and any other class runs as usual.</summary>
[XunitTestCaseDiscoverer("ResearcherProfiles.Tests.Infrastructure.ServiceTheoryDiscoverer", "ResearcherProfiles.Tests")]
public sealed class ServiceTheoryAttribute : TheoryAttribute;

public sealed class ServiceFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    private readonly IMessageSink _sink = diagnosticMessageSink;

    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        ServiceSkip.Reason(testMethod) is { } reason
            ? [ServiceSkip.Case(_sink, discoveryOptions, testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, factAttribute);
}

public sealed class ServiceTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    private readonly IMessageSink _sink = diagnosticMessageSink;

    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        ServiceSkip.Reason(testMethod) is { } reason
            ? [ServiceSkip.Case(_sink, discoveryOptions, testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, theoryAttribute);
}

internal static class ServiceSkip
{
    public static string? Reason(ITestMethod testMethod) =>
        TestRedis.Configuration is null && testMethod.TestClass.Class.GetCustomAttributes(typeof(NeedsRedisAttribute).AssemblyQualifiedName).Any()
            ? TestRedis.NotConfigured
            : null;

    public static IXunitTestCase Case(IMessageSink sink, ITestFrameworkDiscoveryOptions options, ITestMethod testMethod, string reason) =>
        new XunitSkippedDataRowTestCase(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod, reason);
}
