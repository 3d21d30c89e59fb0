namespace PolicyText.Internals;

/// <summary>
/// Equality by value of the collections a public record holds, so that two records read from
/// the same input compare equal (a record's own equality compares collections by reference).
/// </summary>
internal static class ValueEquality
{
    /// <summary>Whether two lists hold equal items in the same order (both null counts as equal).</summary>
    public static bool Lists<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b) =>
        ReferenceEquals(a, b) || (a is not null && b is not null && a.SequenceEqual(b));

    /// <summary>Whether two dictionaries hold the same keys with equal values, in any order (both null counts as equal).</summary>
    public static bool Dictionaries<TKey, TValue>(IReadOnlyDictionary<TKey, TValue>? a, IReadOnlyDictionary<TKey, TValue>? b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a is null || b is null || a.Count != b.Count)
        {
            return false;
        }

        var comparer = EqualityComparer<TValue>.Default;
        foreach (var (key, value) in a)
        {
            if (!b.TryGetValue(key, out var other) || !comparer.Equals(value, other))
            {
                return false;
            }
        }

        return true;
    }
}
