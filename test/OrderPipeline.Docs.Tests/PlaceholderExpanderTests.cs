using OrderPipeline.Docs.Content;

namespace OrderPipeline.Docs.Tests;

public sealed class PlaceholderExpanderTests
{
    private static readonly Dictionary<string, PlaceholderExpander.Resolver> Resolvers = new(StringComparer.Ordinal)
    {
        ["greeting"] = _ => "hello",
        ["echo"] = arg => $"<{arg}>",
        ["braces"] = _ => "{'a': {'b': 1}}",
        ["broken"] = _ => throw new InvalidOperationException("source missing"),
    };

    [Fact]
    public void Should_FillEveryPlaceholder_When_AllAreKnown()
    {
        var text = PlaceholderExpander.Expand("say {{greeting}}\n{{echo:orders}} and {{echo:x.y}}\n{{braces}}", "t.md", Resolvers);

        Assert.Equal("say hello\n<orders> and <x.y>\n{'a': {'b': 1}}", text);
    }

    [Fact]
    public void Should_FailNamingTheLine_When_APlaceholderIsUnknown()
    {
        var error = Assert.Throws<DocsException>(() => PlaceholderExpander.Expand("ok\n{{nope}}", "t.md", Resolvers));

        Assert.Contains("t.md line 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("{{nope}}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ greeting }}")]
    [InlineData("{{greeting")]
    [InlineData("{{Greeting}}")]
    public void Should_Fail_When_APlaceholderIsMalformed(string text)
    {
        Assert.Throws<DocsException>(() => PlaceholderExpander.Expand(text, "t.md", Resolvers));
    }

    [Fact]
    public void Should_WrapTheCause_When_AResolverFails()
    {
        var error = Assert.Throws<DocsException>(() => PlaceholderExpander.Expand("{{broken}}", "t.md", Resolvers));

        Assert.Contains("source missing", error.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(error.InnerException);
    }
}
