using SkiaSharp;

namespace OrderPipeline.Docs.Figures;

/// <summary>
/// The fonts of the figures. ScottPlot ships SkiaSharp's "NoDependencies" native library for Linux, which has
/// no fontconfig, so a family name alone may resolve to an empty typeface; known font files are tried first.
/// </summary>
internal sealed class FigureFonts : IDisposable
{
    private static readonly string[] RegularFiles =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
    ];

    private static readonly string[] BoldFiles =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
        "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf",
    ];

    private readonly SKTypeface _regular;
    private readonly SKTypeface _bold;

    public FigureFonts()
    {
        _regular = Load(RegularFiles, SKFontStyle.Normal);
        _bold = Load(BoldFiles, SKFontStyle.Bold);
        Title = new SKFont(_bold, 44);
        Bold = new SKFont(_bold, 34);
        Body = new SKFont(_regular, 26);
        Small = new SKFont(_regular, 24);
    }

    public SKFont Title { get; }

    public SKFont Bold { get; }

    public SKFont Body { get; }

    public SKFont Small { get; }

    public void Dispose()
    {
        Title.Dispose();
        Bold.Dispose();
        Body.Dispose();
        Small.Dispose();
        _regular.Dispose();
        _bold.Dispose();
    }

    private static SKTypeface Load(string[] files, SKFontStyle style)
    {
        foreach (var file in files.Where(File.Exists))
        {
            if (SKTypeface.FromFile(file) is { } typeface)
            {
                return typeface;
            }
        }

        var byName = SKTypeface.FromFamilyName("DejaVu Sans", style) ?? SKTypeface.Default;
        return byName.GlyphCount > 0
            ? byName
            : throw new InvalidOperationException(
                "No usable font for the architecture figure: install fonts-dejavu-core (Debian) or fonts-liberation.");
    }
}
