namespace OrderPipeline.Cli.Commands.Docs;

/// <summary>Finds a file at the repository root (the folder holding OrderPipeline.slnx).</summary>
internal static class RepositoryRoot
{
    private const string Marker = "OrderPipeline.slnx";

    /// <summary>The path of <paramref name="fileName"/> at the root above the current folder or the tool, or null.</summary>
    public static string? Find(string fileName)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, Marker)))
                {
                    var candidate = Path.Combine(dir.FullName, fileName);
                    return File.Exists(candidate) ? candidate : null;
                }
            }
        }

        return null;
    }
}
