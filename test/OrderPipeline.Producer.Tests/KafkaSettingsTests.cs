using Confluent.Kafka;
using Microsoft.Extensions.Configuration;
using OrderPipeline.Kafka;

namespace OrderPipeline.Producer.Tests;

public class KafkaSettingsTests
{
    [Fact]
    public void Should_BindTheKafkaSection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kafka:BootstrapServers"] = "127.0.30.1:9092,127.0.30.2:9092",
            ["Kafka:Profile"] = "legacy-0.9",
            ["Kafka:SessionTimeout"] = "00:00:20",
            ["Kafka:Librdkafka:statistics.interval.ms"] = "1000",
        }).Build();

        var options = KafkaOptions.Bind(configuration).Validate();

        Assert.Equal("127.0.30.1:9092,127.0.30.2:9092", options.BootstrapServers);
        Assert.Equal(KafkaBrokerProfile.Legacy09, options.ParsedProfile);
        Assert.Equal(TimeSpan.FromSeconds(20), options.SessionTimeout);
        Assert.Equal("ecommerce-orders", options.Topic);
        Assert.Equal("1000", options.Librdkafka["statistics.interval.ms"]);
    }

    [Theory]
    [InlineData("auto", KafkaBrokerProfile.Auto)]
    [InlineData("legacy-0.9", KafkaBrokerProfile.Legacy09)]
    [InlineData("MODERN", KafkaBrokerProfile.Modern)]
    public void Should_ParseProfileNames(string text, KafkaBrokerProfile expected)
    {
        Assert.Equal(expected, KafkaBrokerProfiles.Parse(text));
        Assert.Equal(expected, KafkaBrokerProfiles.Parse(expected.ToConfigName()));
    }

    [Fact]
    public void Should_ListEveryProblem_When_OptionsAreInvalid()
    {
        var options = new KafkaOptions { Profile = "kafka-8", SessionTimeout = TimeSpan.FromSeconds(45), Compression = "brotli", BootstrapServers = " " };
        var ex = Assert.Throws<ArgumentException>(() => options.Validate());
        Assert.Contains("kafka-8", ex.Message, StringComparison.Ordinal);
        Assert.Contains("SessionTimeout", ex.Message, StringComparison.Ordinal);
        Assert.Contains("brotli", ex.Message, StringComparison.Ordinal);
        Assert.Contains("BootstrapServers", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_DisableApiVersionRequest_When_BrokerIs09()
    {
        var options = new KafkaOptions();
        var legacy = BrokerCapabilities.Legacy09("test");
        var producer = KafkaClientConfigs.Producer(options, legacy);
        var consumer = KafkaClientConfigs.Consumer(options, legacy);

        Assert.False(producer.ApiVersionRequest);
        Assert.Equal("0.9.0.1", producer.BrokerVersionFallback);
        Assert.False(producer.EnableIdempotence);
        Assert.Equal(Acks.All, producer.Acks);
        Assert.Equal(CompressionType.None, producer.CompressionType);
        Assert.False(consumer.ApiVersionRequest);
        Assert.Equal("0.9.0.1", consumer.BrokerVersionFallback);
        Assert.True(consumer.SessionTimeoutMs <= 30_000);
        Assert.False(consumer.EnableAutoCommit);
        Assert.Equal(AutoOffsetReset.Earliest, consumer.AutoOffsetReset);
        Assert.Equal("ecommerce-group", consumer.GroupId);
    }

    [Fact]
    public void Should_EnableIdempotence_When_BrokerSupportsIt()
    {
        var producer = KafkaClientConfigs.Producer(new KafkaOptions(), BrokerCapabilities.ModernAssumed("test"));
        Assert.True(producer.EnableIdempotence);
        Assert.True(producer.ApiVersionRequest);
        Assert.Equal(Acks.All, producer.Acks);
        Assert.True(producer.LingerMs > 0);
        Assert.Equal(CompressionType.Lz4, producer.CompressionType);
    }

    [Fact]
    public void Should_ApplyRawOverridesLast()
    {
        var options = new KafkaOptions { Librdkafka = { ["linger.ms"] = "1" } };
        Assert.Equal(1, KafkaClientConfigs.Producer(options, BrokerCapabilities.Legacy09("t")).LingerMs);
    }
}
