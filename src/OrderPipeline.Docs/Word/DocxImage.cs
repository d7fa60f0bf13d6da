using System.Buffers.Binary;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace OrderPipeline.Docs.Word;

/// <summary>Adds a PNG as an image part and returns the inline drawing that shows it at a given width.</summary>
internal static class DocxImage
{
    private const long EmuPerInch = 914400;
    private const double PixelsPerInch = 96;

    public static Drawing Add(MainDocumentPart main, byte[] png, string description, uint id, long maxWidthEmu)
    {
        var (width, height) = PngSize(png);
        var imagePart = main.AddImagePart(ImagePartType.Png);
        using (var stream = new MemoryStream(png, writable: false))
        {
            imagePart.FeedData(stream);
        }

        var cx = Math.Min(maxWidthEmu, (long)(width / PixelsPerInch * EmuPerInch));
        var cy = cx * height / width;
        var relationshipId = main.GetIdOfPart(imagePart);
        var name = $"Figure {id}";

        var picture = new PIC.Picture(
            new PIC.NonVisualPictureProperties(
                new PIC.NonVisualDrawingProperties { Id = 0U, Name = name, Description = description },
                new PIC.NonVisualPictureDrawingProperties()),
            new PIC.BlipFill(
                new A.Blip { Embed = relationshipId },
                new A.Stretch(new A.FillRectangle())),
            new PIC.ShapeProperties(
                new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle }));

        var inline = new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = id, Name = name, Description = description },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(picture) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        {
            DistanceFromTop = 0U,
            DistanceFromBottom = 0U,
            DistanceFromLeft = 0U,
            DistanceFromRight = 0U,
        };
        return new Drawing(inline);
    }

    /// <summary>Width and height from the PNG's IHDR chunk (bytes 16-23, big-endian).</summary>
    public static (int Width, int Height) PngSize(byte[] png)
    {
        ReadOnlySpan<byte> signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (png.Length < 24 || !png.AsSpan(0, 8).SequenceEqual(signature))
        {
            throw new ArgumentException("The image is not a PNG file.", nameof(png));
        }

        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    public static OpenXmlElement Caption(string text) =>
        new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = DocxStyles.Caption }), new Run(new Text(text)));
}
