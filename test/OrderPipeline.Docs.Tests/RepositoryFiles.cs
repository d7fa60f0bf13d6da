namespace OrderPipeline.Docs.Tests;

/// <summary>Files of the repository the tests compare the generated documents against.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OrderPipeline.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (OrderPipeline.slnx) is not above the test's folder.");
    }
}
