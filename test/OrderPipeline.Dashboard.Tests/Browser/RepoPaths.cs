namespace OrderPipeline.Dashboard.Tests.Browser;

internal static class RepoPaths
{
    /// The repository root: the first parent of the test binaries that holds the solution file.
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OrderPipeline.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OrderPipeline.slnx not found above " + AppContext.BaseDirectory);
    }
}
