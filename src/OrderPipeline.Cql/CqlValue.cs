namespace OrderPipeline.Cql;

/// <summary>Special bound values.</summary>
public static class CqlValue
{
    /// <summary>
    /// "Not set" (protocol v4): the column keeps its current value, unlike <c>null</c> which deletes it. Binding it
    /// on a protocol v3 connection throws <see cref="NotSupportedException"/>.
    /// </summary>
    public static object Unset { get; } = new UnsetValue();

    private sealed class UnsetValue
    {
        public override string ToString() => "<unset>";
    }
}
