using System.Collections.Concurrent;

namespace OrderPipeline.Dashboard.Web;

/// The page, its script and its stylesheet, embedded in the assembly: no CDN, no wwwroot folder to deploy.
internal static class StaticAssets
{
    private static readonly ConcurrentDictionary<string, byte[]?> Cache = new(StringComparer.Ordinal);

    public static byte[]? Get(string fileName) =>
        Cache.GetOrAdd(fileName, static name =>
        {
            using var stream = typeof(StaticAssets).Assembly.GetManifestResourceStream("wwwroot/" + name);
            if (stream is null)
            {
                return null;
            }

            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });

    public static string ContentType(string fileName) => Path.GetExtension(fileName) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        _ => "application/octet-stream",
    };
}
