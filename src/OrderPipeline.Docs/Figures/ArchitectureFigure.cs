using SkiaSharp;

namespace OrderPipeline.Docs.Figures;

/// <summary>
/// Draws the pipeline's architecture (CSV -> producer -> Kafka -> consumer -> Cassandra, plus the dead-letter
/// topic) as a PNG, so the figure in Pipeline_explanation.docx is generated from code, never hand-drawn.
/// </summary>
public static class ArchitectureFigure
{
    private const int Width = 1880;
    private const int Height = 760;

    private static readonly SKColor Ink = new(0x1F, 0x38, 0x64);
    private static readonly SKColor Muted = new(0x59, 0x59, 0x59);

    /// <summary>The names the figure shows, so callers can check it agrees with the contracts.</summary>
    public sealed record Labels(string Topic, int Partitions, string DeadLetterTopic, string Table, string ConsumerGroup);

    public static byte[] RenderPng(Labels labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        using var surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var fonts = new FigureFonts();

        // Boxes 250 px wide with 130 px gaps, wide enough for the label above each arrow.
        var y = 250f;
        const float boxHeight = 190f;
        var csv = new SKRect(20, y, 270, y + boxHeight);
        var producer = new SKRect(400, y, 650, y + boxHeight);
        var kafka = new SKRect(780, y - 50, 1100, y + boxHeight + 50);
        var consumer = new SKRect(1230, y, 1480, y + boxHeight);
        var cassandra = new SKRect(1610, y, 1860, y + boxHeight);
        var dlq = new SKRect(1230, 580, 1480, 720);

        Box(canvas, fonts, csv, new SKColor(0xF2, 0xF2, 0xF2), "CSV file", ["olist_orders_", "dataset.csv", "8 columns"]);
        Box(canvas, fonts, producer, new SKColor(0xDE, 0xEB, 0xF7), "Producer", ["clean, validate", "JSON value, key", "customer_order"]);
        Box(canvas, fonts, consumer, new SKColor(0xDE, 0xEB, 0xF7), "Consumer", ["group", labels.ConsumerGroup, "adds hour, day"]);
        Box(canvas, fonts, cassandra, new SKColor(0xE2, 0xEF, 0xDA), "Cassandra", [labels.Table, "partition key", "customer_id"]);
        Box(canvas, fonts, dlq, new SKColor(0xFB, 0xE5, 0xD6), "Dead letters", [labels.DeadLetterTopic]);
        Topic(canvas, fonts, kafka, labels.Topic, labels.Partitions);

        Arrow(canvas, new SKPoint(csv.Right, csv.MidY), new SKPoint(producer.Left, producer.MidY));
        Arrow(canvas, new SKPoint(producer.Right, producer.MidY), new SKPoint(kafka.Left, producer.MidY));
        Arrow(canvas, new SKPoint(kafka.Right, consumer.MidY), new SKPoint(consumer.Left, consumer.MidY));
        Arrow(canvas, new SKPoint(consumer.Right, consumer.MidY), new SKPoint(cassandra.Left, cassandra.MidY));
        Arrow(canvas, new SKPoint(consumer.MidX, consumer.Bottom), new SKPoint(dlq.MidX, dlq.Top));

        Label(canvas, fonts.Small, "rows", (csv.Right + producer.Left) / 2, csv.MidY - 16);
        Label(canvas, fonts.Small, "acks=all", (producer.Right + kafka.Left) / 2, producer.MidY - 16);
        Label(canvas, fonts.Small, "poll", (kafka.Right + consumer.Left) / 2, consumer.MidY - 16);
        Label(canvas, fonts.Small, "QUORUM", (consumer.Right + cassandra.Left) / 2, consumer.MidY - 16);
        Label(canvas, fonts.Small, "poison messages", consumer.MidX + 110, (consumer.Bottom + dlq.Top) / 2 + 8);

        using var title = new SKPaint { Color = Ink, IsAntialias = true };
        canvas.DrawText("OrderPipeline: CSV -> Kafka -> Cassandra", Width / 2f, 70, SKTextAlign.Center, fonts.Title, title);
        using var note = new SKPaint { Color = Muted, IsAntialias = true };
        canvas.DrawText("Offsets are committed only after the rows they cover are stored (or dead-lettered): at-least-once, idempotent upserts.",
            Width / 2f, 120, SKTextAlign.Center, fonts.Small, note);

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static void Box(SKCanvas canvas, FigureFonts fonts, SKRect rect, SKColor fill, string title, string[] lines)
    {
        using var fillPaint = new SKPaint { Color = fill, IsAntialias = true, Style = SKPaintStyle.Fill };
        using var stroke = new SKPaint { Color = Ink, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 3 };
        canvas.DrawRoundRect(rect, 16, 16, fillPaint);
        canvas.DrawRoundRect(rect, 16, 16, stroke);
        using var ink = new SKPaint { Color = Ink, IsAntialias = true };
        using var muted = new SKPaint { Color = Muted, IsAntialias = true };
        var top = rect.Top + 50;
        canvas.DrawText(title, rect.MidX, top, SKTextAlign.Center, fonts.Bold, ink);

        // Names come from the contracts and may be long: shrink the box's lines together until all fit.
        var widest = lines.Max(line => fonts.Body.MeasureText(line));
        var scale = Math.Min(1f, (rect.Width - 24) / widest);
        using var body = new SKFont(fonts.Body.Typeface, fonts.Body.Size * scale);
        for (var i = 0; i < lines.Length; i++)
        {
            canvas.DrawText(lines[i], rect.MidX, top + 42 + (i * 34), SKTextAlign.Center, body, muted);
        }
    }

    private static void Topic(SKCanvas canvas, FigureFonts fonts, SKRect rect, string topic, int partitions)
    {
        using var fillPaint = new SKPaint { Color = new SKColor(0xFF, 0xF2, 0xCC), IsAntialias = true };
        using var stroke = new SKPaint { Color = Ink, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 3 };
        canvas.DrawRoundRect(rect, 16, 16, fillPaint);
        canvas.DrawRoundRect(rect, 16, 16, stroke);
        using var ink = new SKPaint { Color = Ink, IsAntialias = true };
        canvas.DrawText("Kafka topic", rect.MidX, rect.Top + 48, SKTextAlign.Center, fonts.Bold, ink);
        canvas.DrawText(topic, rect.MidX, rect.Top + 88, SKTextAlign.Center, fonts.Body, ink);

        // One lane per partition; a key always hashes to the same lane, so one order's messages stay in order.
        var laneTop = rect.Top + 115;
        var laneHeight = (rect.Height - 135) / partitions;
        using var lane = new SKPaint { Color = SKColors.White, IsAntialias = true };
        using var laneStroke = new SKPaint { Color = Muted, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 2 };
        using var muted = new SKPaint { Color = Muted, IsAntialias = true };
        for (var p = 0; p < partitions; p++)
        {
            var laneRect = new SKRect(rect.Left + 25, laneTop + (p * laneHeight) + 6, rect.Right - 25, laneTop + ((p + 1) * laneHeight) - 6);
            canvas.DrawRect(laneRect, lane);
            canvas.DrawRect(laneRect, laneStroke);
            canvas.DrawText($"partition {p}", laneRect.MidX, laneRect.MidY + 10, SKTextAlign.Center, fonts.Small, muted);
        }
    }

    private static void Arrow(SKCanvas canvas, SKPoint from, SKPoint to)
    {
        using var paint = new SKPaint { Color = Ink, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 4 };
        var angle = MathF.Atan2(to.Y - from.Y, to.X - from.X);
        const float head = 22f;
        var shaftEnd = new SKPoint(to.X - (head * 0.8f * MathF.Cos(angle)), to.Y - (head * 0.8f * MathF.Sin(angle)));
        canvas.DrawLine(from, shaftEnd, paint);
        using var path = new SKPath();
        path.MoveTo(to);
        path.LineTo(to.X - (head * MathF.Cos(angle - 0.45f)), to.Y - (head * MathF.Sin(angle - 0.45f)));
        path.LineTo(to.X - (head * MathF.Cos(angle + 0.45f)), to.Y - (head * MathF.Sin(angle + 0.45f)));
        path.Close();
        using var fill = new SKPaint { Color = Ink, IsAntialias = true, Style = SKPaintStyle.Fill };
        canvas.DrawPath(path, fill);
    }

    private static void Label(SKCanvas canvas, SKFont font, string text, float x, float y)
    {
        using var paint = new SKPaint { Color = Muted, IsAntialias = true };
        canvas.DrawText(text, x, y, SKTextAlign.Center, font, paint);
    }
}
