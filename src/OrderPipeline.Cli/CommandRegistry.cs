using OrderPipeline.Cli.Commands.Bench;
using OrderPipeline.Cli.Stack;
using Spectre.Console.Cli;

namespace OrderPipeline.Cli;

/// Every subcommand is registered here, one line (or branch) per area, so the tree is visible at a glance.
internal static class CommandRegistry
{
    public static void Register(IConfigurator config)
    {
        config.SetApplicationName("orderpipeline");
        config.SetExceptionHandler(CliExceptionHandler.Handle);
        config.UseStrictParsing();
        config.AddBranch("stack", stack =>
        {
            stack.SetDescription("Run a local ZooKeeper + Kafka + Cassandra stack (ORDERPIPELINE_STACK_SUBNET, ORDERPIPELINE_STACK_DIR).");
            stack.AddCommand<StackUpCommand>("up").WithExample("stack", "up", "--kafka-brokers", "3", "--cassandra-nodes", "3");
            stack.AddCommand<StackStatusCommand>("status");
            stack.AddCommand<StackDownCommand>("down").WithExample("stack", "down", "--wipe");
        });
        config.AddCommand<Commands.Produce.ProduceCommand>("produce")
            .WithDescription("Clean an orders CSV and publish the orders to Kafka (JSON, key {customer_id}_{order_id}).")
            .WithExample("produce", "--csv", "data/olist_orders_sample.csv");
        config.AddCommand<Commands.Generate.GenerateCommand>("generate")
            .WithDescription("Write N synthetic orders in the dataset's exact CSV format.")
            .WithExample("generate", "--rows", "1000000", "--seed", "1", "--out", "/tmp/orders.csv");
        config.AddCommand<Commands.Cql.CqlCommand>("cql")
            .WithExample("cql", "SELECT * FROM ecommerce.orders LIMIT 10")
            .WithExample("cql", "--file", "schema/ecommerce.cql", "--consistency", "QUORUM");
        config.AddCommand<Commands.ConsumeCommand>("consume")
            .WithExample("consume", "--until-idle", "5", "--verbose");
        config.AddBranch("schema", schema =>
        {
            schema.SetDescription("The Cassandra schema of schema/ecommerce.cql.");
            schema.AddCommand<Commands.SchemaApplyCommand>("apply").WithExample("schema", "apply", "--replication-factor", "3");
        });
        config.AddCommand<Commands.VerifyCommand>("verify")
            .WithExample("verify", "--csv", "data/olist_orders_sample.csv");
        config.AddCommand<Commands.DemoCommand>("demo");
        config.AddCommand<Commands.Docs.DocsCommand>("docs")
            .WithDescription("Write ecommerce.cql, CQL.docx and Pipeline_explanation.docx, generated from the project's sources.");
        config.AddBranch("bench", bench =>
        {
            bench.SetDescription("Benchmarks against the reference design and the ceilings; figures go to BENCHMARKS.md.");
            bench.AddCommand<BenchCqlCommand>("cql").WithExample("bench", "cql", "--rows", "200000", "--concurrency", "128");
            bench.AddCommand<BenchPipelineCommand>("pipeline").WithExample("bench", "pipeline", "--rows", "100000");
            bench.AddCommand<BenchAllCommand>("all").WithExample("bench", "all");
        });
        config.AddCommand<Commands.Chaos.ChaosCommand>("chaos")
            .WithExample("chaos", "--scenario", "fast")
            .WithExample("chaos", "--scenario", "all", "--rows", "5000");
        config.AddCommand<Commands.Dashboard.DashboardCommand>("dashboard")
            .WithDescription("Live page: pipeline health, consumer lag, analytics charts, read-only CQL query box.")
            .WithExample("dashboard", "--urls", "http://127.0.0.1:5080");
        config.AddCommand<Commands.Dashboard.ReportCommand>("report")
            .WithDescription("The dashboard's analytics as PNG charts plus a Markdown summary.")
            .WithExample("report", "--out", "out/report");
    }
}
