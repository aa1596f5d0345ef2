namespace ProductStore.ServiceDefaults.Validation;

/// <summary>
/// Names shown to other people hold no control characters (NUL, newlines, escapes) and no bidirectional formatting
/// characters, which can make a name display as something else (U+202E turns "gnp.exe" around).
/// </summary>
public static class PlainText
{
    /// <summary>The same rule as a regular expression, for documents ([RegularExpression] writes it as the field's pattern).</summary>
    public const string Pattern = @"^[^\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]*$";

    public static bool IsPlain(string? text)
    {
        foreach (var c in text ?? "")
        {
            if (char.IsControl(c) || IsBidiFormatting(c)) return false;
        }
        return true;
    }

    /// <summary>Adds "<paramref name="field"/> must not contain control or bidirectional formatting characters" when it does.</summary>
    public static ValidationErrors WhenNotPlain(this ValidationErrors errors, string? text, string field) =>
        errors.When(!IsPlain(text), field, $"The {field} must not contain control characters or bidirectional formatting characters (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C).");

    private static bool IsBidiFormatting(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';
}
