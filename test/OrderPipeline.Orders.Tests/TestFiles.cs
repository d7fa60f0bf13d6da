namespace OrderPipeline.Orders.Tests;

internal static class TestFiles
{
    public static string SamplePath => Path.Combine(AppContext.BaseDirectory, "Data", "olist_orders_sample.csv");

    public static string GoldenDirectory => Path.Combine(AppContext.BaseDirectory, "Golden");

    public static string TempFile(string extension = ".csv") =>
        Path.Combine(Path.GetTempPath(), $"op-orders-tests-{Guid.NewGuid():N}{extension}");
}
