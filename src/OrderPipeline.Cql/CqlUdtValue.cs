using System.Collections;

namespace OrderPipeline.Cql;

/// <summary>A value of a user-defined type: field values by name, in the type's field order.</summary>
/// <remarks>Not thread-safe for writes; build it, then bind it.</remarks>
public sealed class CqlUdtValue : IEnumerable<KeyValuePair<string, object?>>
{
    private readonly List<KeyValuePair<string, object?>> _fields = [];

    /// <summary>The number of fields set.</summary>
    public int Count => _fields.Count;

    /// <summary>Field names and values in the order they were set.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Fields => _fields;

    /// <summary>Gets or sets a field's value.</summary>
    /// <exception cref="KeyNotFoundException">Getting a field that is not set.</exception>
    public object? this[string key]
    {
        get => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The UDT value has no field '{key}'.");
        set
        {
            for (var i = 0; i < _fields.Count; i++)
            {
                if (string.Equals(_fields[i].Key, key, StringComparison.Ordinal))
                {
                    _fields[i] = new(key, value);
                    return;
                }
            }

            _fields.Add(new(key, value));
        }
    }

    /// <summary>Whether the field is set.</summary>
    public bool ContainsKey(string key) => TryGetValue(key, out _);

    /// <summary>Gets a field's value if set.</summary>
    public bool TryGetValue(string key, out object? value)
    {
        foreach (var pair in _fields)
        {
            if (string.Equals(pair.Key, key, StringComparison.Ordinal))
            {
                value = pair.Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _fields.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
