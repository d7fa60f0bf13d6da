namespace OrderPipeline.Docs.Markdown;

/// <summary>A block of the small Markdown subset the deliverable texts use.</summary>
public abstract record MarkdownBlock;

/// <summary>"# Title" (level 1) to "### Sub-section" (level 3). Level 0 is the document title ("% Title").</summary>
public sealed record HeadingBlock(int Level, string Text) : MarkdownBlock;

/// <summary>Consecutive text lines joined by spaces; inline **bold** and `code` are kept for the renderer.</summary>
public sealed record ParagraphBlock(string Text) : MarkdownBlock;

/// <summary>"- item" lines; a continuation line indented by two or more spaces joins the item before it.</summary>
public sealed record BulletListBlock(IReadOnlyList<string> Items) : MarkdownBlock;

/// <summary>A fenced block (```) kept line by line, verbatim.</summary>
public sealed record CodeBlock(string Language, IReadOnlyList<string> Lines) : MarkdownBlock;

/// <summary>A pipe table: header row, a separator row, then body rows.</summary>
public sealed record TableBlock(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) : MarkdownBlock;

/// <summary>"![caption](source)" alone on a line; the source names an image the generator provides.</summary>
public sealed record ImageBlock(string Caption, string Source) : MarkdownBlock;
