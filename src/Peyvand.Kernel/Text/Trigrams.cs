namespace Peyvand.Kernel.Text;

/// <summary>
/// Trigram similarity as PostgreSQL's pg_trgm computes it, so SQLite ranks and tolerates typos the way PostgreSQL
/// does: words are runs of letters and digits, each padded ("  w" … "d "); <see cref="WordSimilarity"/> is the best
/// shared / (query + extent − shared) over contiguous extents of the text's trigram sequence.
/// </summary>
public static class Trigrams
{
    /// <summary>The unique trigrams of <paramref name="text"/>, padded per word as pg_trgm pads them.</summary>
    public static HashSet<string> Of(string? text) => [.. Sequence(text)];

    /// <summary>
    /// How well <paramref name="word"/> fits somewhere in <paramref name="text"/>, 0 to 1 (pg_trgm's word_similarity):
    /// "rezaei" in "ali rezaie" is 4 / 7 ≈ 0.57, "محمدرضا" in "محمد رضا" 6 / 11 ≈ 0.55.
    /// </summary>
    public static double WordSimilarity(string? word, string? text)
    {
        var query = Of(word);
        if (query.Count == 0)
            return 0;
        var sequence = Sequence(text);
        // An extent much longer than the query only lowers the score; bounding it keeps this linear in the text.
        var maxSpan = (query.Count * 2) + 4;
        var best = 0.0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var start = 0; start < sequence.Count; start++)
        {
            if (!query.Contains(sequence[start]))
                continue; // an extent starting on a foreign trigram is never the best one
            seen.Clear();
            var shared = 0;
            for (var end = start; end < sequence.Count && end - start < maxSpan; end++)
            {
                if (seen.Add(sequence[end]) && query.Contains(sequence[end]))
                    shared++;
                best = Math.Max(best, shared / (double)(query.Count + seen.Count - shared));
            }
        }
        return best;
    }

    /// <summary>The trigrams of each word in order (with repeats), as an extent is read.</summary>
    public static List<string> Sequence(string? text)
    {
        var result = new List<string>();
        if (string.IsNullOrEmpty(text))
            return result;
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
                start = i;
            else if (!inWord && start >= 0)
            {
                var padded = "  " + text[start..i] + " ";
                for (var t = 0; t + 3 <= padded.Length; t++)
                    result.Add(padded.Substring(t, 3));
                start = -1;
            }
        }
        return result;
    }

    /// <summary>
    /// An FTS5 query (trigram tokenizer) for the rows sharing at least one inner trigram with <paramref name="word"/>:
    /// every row that contains the word, or is within typo distance of it, is among them. Null for words under 3 characters.
    /// </summary>
    public static string? CandidateQuery(string word)
    {
        if (word.Length < 3)
            return null;
        var trigrams = new List<string>();
        for (var i = 0; i + 3 <= word.Length; i++)
        {
            var trigram = word.Substring(i, 3);
            if (!trigrams.Contains(trigram))
                trigrams.Add(trigram);
        }
        return string.Join(" OR ", trigrams.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
    }
}
