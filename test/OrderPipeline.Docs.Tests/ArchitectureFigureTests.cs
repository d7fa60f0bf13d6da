using OrderPipeline.Docs.Figures;
using SkiaSharp;

namespace OrderPipeline.Docs.Tests;

public sealed class ArchitectureFigureTests
{
    [Fact]
    public void Should_DrawBoxesAndText_When_RenderingTheArchitecture()
    {
        var png = ArchitectureFigure.RenderPng(DocsGenerator.FigureLabels);

        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal(1880, bitmap.Width);
        Assert.Equal(760, bitmap.Height);

        // The title band (above the boxes) has only text in it: dark pixels there prove a font was found.
        Assert.True(DarkPixels(bitmap, new SKRectI(0, 20, 1880, 90)) > 2000, "the title text was not drawn");

        // Inside the CSV box, text pixels; between boxes, an arrow shaft.
        Assert.True(DarkPixels(bitmap, new SKRectI(40, 270, 250, 320)) > 300, "the CSV box title was not drawn");
        Assert.True(DarkPixels(bitmap, new SKRectI(285, 340, 370, 350)) > 50, "the CSV -> producer arrow is missing");
    }

    private static int DarkPixels(SKBitmap bitmap, SKRectI area)
    {
        var count = 0;
        for (var y = area.Top; y < area.Bottom; y++)
        {
            for (var x = area.Left; x < area.Right; x++)
            {
                var c = bitmap.GetPixel(x, y);
                if (c.Red + c.Green + c.Blue < 300)
                {
                    count++;
                }
            }
        }

        return count;
    }
}
