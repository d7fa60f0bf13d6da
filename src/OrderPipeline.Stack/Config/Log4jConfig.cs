namespace OrderPipeline.Stack.Config;

/// log4j 1.x config for ZooKeeper and Kafka: everything at INFO to stdout, which the stack sends to the
/// server's log file (the stock Kafka config also writes dated files under kafka.logs.dir).
public static class Log4jConfig
{
    public const string Properties = """
        log4j.rootLogger=INFO, stdout
        log4j.appender.stdout=org.apache.log4j.ConsoleAppender
        log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
        log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
        log4j.logger.kafka.request.logger=WARN
        log4j.logger.kafka.network.RequestChannel$=WARN
        log4j.logger.state.change.logger=WARN

        """;
}
