using System.Text.RegularExpressions;

namespace OrderPipeline.Docs.Content;

/// <summary>
/// Replaces "{{name}}" and "{{name:argument}}" in a Markdown text with Markdown produced from the project's
/// sources. An unknown name, a resolver that fails or any "{{" left over is an error naming the line: a
/// placeholder is never printed into a deliverable.
/// </summary>
public static partial class PlaceholderExpander
{
    /// <summary>Resolves one placeholder's argument (null when it has none) to Markdown.</summary>
    public delegate string Resolver(string? argument);

    public static string Expand(string markdown, string documentName, IReadOnlyDictionary<string, Resolver> resolvers)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(resolvers);
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var lineNumber = i + 1;

            // Checked before filling, so generated text (CQL maps, JSON) may contain braces freely.
            if (PlaceholderRegex().Replace(lines[i], "").Contains("{{", StringComparison.Ordinal))
            {
                throw new DocsException($"{documentName} line {lineNumber}: malformed placeholder in: {lines[i].Trim()}");
            }

            lines[i] = PlaceholderRegex().Replace(lines[i], match =>
            {
                var name = match.Groups["name"].Value;
                var argument = match.Groups["arg"].Success ? match.Groups["arg"].Value : null;
                if (!resolvers.TryGetValue(name, out var resolve))
                {
                    throw new DocsException(
                        $"{documentName} line {lineNumber}: unknown placeholder {match.Value}. Known: {string.Join(", ", resolvers.Keys.Order(StringComparer.Ordinal))}.");
                }

                try
                {
                    return resolve(argument);
                }
                catch (Exception ex) when (ex is not DocsException)
                {
                    throw new DocsException($"{documentName} line {lineNumber}: {match.Value} could not be filled: {ex.Message}", ex);
                }
            });
        }

        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"\{\{(?<name>[a-z][a-z0-9-]*)(:(?<arg>[A-Za-z0-9_.-]+))?\}\}")]
    private static partial Regex PlaceholderRegex();
}
