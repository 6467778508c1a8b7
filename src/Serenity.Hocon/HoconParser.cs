using System.Text;

namespace Serenity.Hocon;

/// <summary>Builds the unresolved HOCON tree of one document (and the documents it includes) from tokens.</summary>
internal sealed class HoconParser
{
    private const int MaxDepth = 200;
    private const int MaxIncludeDepth = 32;

    private readonly List<HoconToken> _tokens;
    private readonly string _origin;
    private readonly HoconIncludeSource _includes;
    private readonly IReadOnlyList<string>? _includePrefix;
    private readonly List<string> _includeStack;
    private int _index;
    private int _depth;

    private HoconParser(string text, string origin, HoconIncludeSource includes, IReadOnlyList<string>? includePrefix, List<string> includeStack)
    {
        _tokens = HoconTokenizer.Tokenize(text, origin);
        _origin = origin;
        _includes = includes;
        _includePrefix = includePrefix;
        _includeStack = includeStack;
    }

    /// <summary>Parses a top-level document.</summary>
    /// <param name="text">HOCON text.</param>
    /// <param name="origin">Source name used in errors and origins.</param>
    /// <param name="includes">Resolves the document's includes.</param>
    /// <param name="identity">Identity of the document for include-cycle detection, if any.</param>
    public static HoconObject Parse(string text, string origin, HoconIncludeSource includes, string? identity = null)
    {
        var stack = identity is null ? new List<string>() : [identity];
        return new HoconParser(text, origin, includes, [], stack).ParseRoot();
    }

    private HoconObject ParseRoot()
    {
        SkipWhitespaceAndNewlines();
        var first = Peek();
        var root = new HoconObject(OriginOf(first));
        switch (first.Kind)
        {
            case HoconTokenKind.OpenBrace:
                Next();
                ParseObjectBody(root, _includePrefix, first);
                SkipWhitespaceAndNewlines();
                if (Peek().Kind != HoconTokenKind.EndOfFile)
                {
                    throw Error(Peek(), "end of file after the root object", Peek().Describe());
                }

                break;
            case HoconTokenKind.OpenBracket:
                throw Error(first, "an object at the root (a key or '{')", first.Describe());
            default:
                ParseObjectBody(root, _includePrefix, null);
                break;
        }

        return root;
    }

    private void ParseObjectBody(HoconObject target, IReadOnlyList<string>? path, HoconToken? open)
    {
        while (true)
        {
            SkipWhitespaceAndNewlines();
            var token = Peek();
            switch (token.Kind)
            {
                case HoconTokenKind.EndOfFile when open is null:
                    return;
                case HoconTokenKind.EndOfFile:
                    throw Error(token, $"'}}' to close the object opened at {open.Line}:{open.Column}", token.Describe());
                case HoconTokenKind.CloseBrace when open is not null:
                    Next();
                    return;
                case HoconTokenKind.CloseBrace:
                    throw Error(token, "a key or end of file", token.Describe());
            }

            if (IsIncludeStatement())
            {
                ParseInclude(target, path);
            }
            else
            {
                ParseField(target, path);
            }

            SkipWhitespace();
            token = Peek();
            switch (token.Kind)
            {
                case HoconTokenKind.Comma:
                case HoconTokenKind.Newline:
                    Next();
                    break;
                case HoconTokenKind.EndOfFile:
                    break;
                case HoconTokenKind.CloseBrace when open is not null:
                    break;
                default:
                    throw Error(token, open is null ? "',' or newline after the field" : "',', newline or '}' after the field", token.Describe());
            }
        }
    }

    private void ParseField(HoconObject target, IReadOnlyList<string>? path)
    {
        var keys = ParseKey();
        var fieldPath = path is null ? null : HoconPath.Append(path, keys);
        SkipWhitespace();
        var token = Peek();
        HoconValue value;
        switch (token.Kind)
        {
            case HoconTokenKind.Separator:
                Next();
                SkipWhitespaceAndNewlines();
                value = ParseValue(fieldPath, $"a value after '{token.Text}'");
                break;
            case HoconTokenKind.PlusEquals:
                Next();
                SkipWhitespaceAndNewlines();
                var appended = ParseValue(fieldPath, "a value after '+='");
                var origin = OriginOf(token);
                var previous = new HoconSubstitution(origin, "${?" + HoconPath.Render(keys) + "}", fieldPath ?? keys, optional: true, isPrevious: true);
                value = new HoconConcatenation(origin, [previous, new HoconArray(appended.Origin, [appended])]);
                break;
            case HoconTokenKind.OpenBrace:
                value = ParseValue(fieldPath, "a value");
                break;
            default:
                throw Error(token, $"'=', ':' or '{{' after the key {HoconPath.Render(keys)}", token.Describe());
        }

        HoconMerger.SetPath(target, keys, value, path);
    }

    private List<string> ParseKey()
    {
        var first = Peek();
        var keys = new List<string>();
        var current = new StringBuilder();
        var started = false;
        while (true)
        {
            var token = Peek();
            if (token.Kind == HoconTokenKind.Quoted)
            {
                current.Append(token.Text);
                started = true;
            }
            else if (token.Kind == HoconTokenKind.Unquoted)
            {
                var pieces = token.Text.Split('.');
                for (var i = 0; i < pieces.Length; i++)
                {
                    if (i > 0)
                    {
                        if (!started)
                        {
                            throw Error(token, "a key before '.'", token.Describe());
                        }

                        keys.Add(current.ToString());
                        current.Clear();
                        started = false;
                    }

                    if (pieces[i].Length > 0)
                    {
                        current.Append(pieces[i]);
                        started = true;
                    }
                }
            }
            else if (token.Kind == HoconTokenKind.Whitespace && PeekAt(1).Kind is HoconTokenKind.Quoted or HoconTokenKind.Unquoted)
            {
                current.Append(token.Text);
            }
            else
            {
                break;
            }

            Next();
        }

        if (!started)
        {
            if (keys.Count == 0 && current.Length == 0)
            {
                throw Error(first, "a key", first.Describe());
            }

            SkipWhitespace();
            throw Error(Peek(), "a key after '.'", Peek().Describe());
        }

        keys.Add(current.ToString());
        return keys;
    }

    private HoconValue ParseValue(IReadOnlyList<string>? path, string expected)
    {
        var parts = new List<(HoconValue Value, bool IsText, bool IsUnquoted)>();
        while (true)
        {
            var token = Peek();
            var origin = OriginOf(token);
            switch (token.Kind)
            {
                case HoconTokenKind.Quoted:
                    Next();
                    parts.Add((HoconScalar.String(token.Text, origin), true, false));
                    continue;
                case HoconTokenKind.Unquoted:
                    Next();
                    parts.Add((HoconScalar.String(token.Text, origin), true, true));
                    continue;
                case HoconTokenKind.Substitution:
                    Next();
                    parts.Add((MakeSubstitution(token, path), false, false));
                    continue;
                case HoconTokenKind.OpenBrace:
                    parts.Add((ParseObject(path), false, false));
                    continue;
                case HoconTokenKind.OpenBracket:
                    parts.Add((ParseArray(), false, false));
                    continue;
                case HoconTokenKind.Whitespace when parts.Count > 0 && IsValueStart(PeekAt(1).Kind):
                    Next();
                    parts.Add((new HoconScalar(HoconScalarKind.String, token.Text, origin, isWhitespace: true), true, false));
                    continue;
            }

            if (parts.Count == 0)
            {
                throw Error(token, expected, token.Describe());
            }

            break;
        }

        if (parts.Count == 1)
        {
            return parts[0].IsUnquoted ? InterpretUnquoted((HoconScalar)parts[0].Value) : parts[0].Value;
        }

        var first = parts[0].Value.Origin;
        if (parts.TrueForAll(p => p.IsText))
        {
            return HoconScalar.String(string.Concat(parts.Select(p => ((HoconScalar)p.Value).Text)), first);
        }

        return new HoconConcatenation(first, parts.Select(p => p.Value));
    }

    private HoconObject ParseObject(IReadOnlyList<string>? path)
    {
        var open = Next();
        Enter(open);
        var result = new HoconObject(OriginOf(open));
        ParseObjectBody(result, path, open);
        _depth--;
        return result;
    }

    private HoconArray ParseArray()
    {
        var open = Next();
        Enter(open);
        var result = new HoconArray(OriginOf(open));
        while (true)
        {
            SkipWhitespaceAndNewlines();
            var token = Peek();
            if (token.Kind == HoconTokenKind.CloseBracket)
            {
                Next();
                _depth--;
                return result;
            }

            if (token.Kind == HoconTokenKind.EndOfFile)
            {
                throw Error(token, $"']' to close the array opened at {open.Line}:{open.Column}", token.Describe());
            }

            result.Items.Add(ParseValue(null, "a value or ']'"));
            SkipWhitespace();
            token = Peek();
            switch (token.Kind)
            {
                case HoconTokenKind.Comma:
                case HoconTokenKind.Newline:
                    Next();
                    break;
                case HoconTokenKind.CloseBracket:
                case HoconTokenKind.EndOfFile:
                    break;
                default:
                    throw Error(token, "',', newline or ']' after the array element", token.Describe());
            }
        }
    }

    /// <summary>
    /// An unquoted <c>include</c> followed by whitespace starts an include statement unless a separator or
    /// '{' follows (then it is an ordinary key named include).
    /// </summary>
    private bool IsIncludeStatement()
    {
        var token = Peek();
        if (token.Kind != HoconTokenKind.Unquoted || token.Text != "include" || PeekAt(1).Kind != HoconTokenKind.Whitespace)
        {
            return false;
        }

        return PeekAt(2).Kind is not (HoconTokenKind.Separator or HoconTokenKind.PlusEquals or HoconTokenKind.OpenBrace);
    }

    private void ParseInclude(HoconObject target, IReadOnlyList<string>? path)
    {
        var include = Next();
        SkipWhitespace();
        var required = false;
        HoconIncludeKind kind;
        string name;
        if (Peek().Kind == HoconTokenKind.Unquoted && Peek().Text == "required")
        {
            Next();
            ExpectParenthesis("(", "'(' after required");
            SkipWhitespace();
            required = true;
            (kind, name) = ParseIncludeTarget();
            SkipWhitespace();
            ExpectParenthesis(")", "')' closing required(");
        }
        else
        {
            (kind, name) = ParseIncludeTarget();
        }

        if (kind == HoconIncludeKind.Url)
        {
            throw Error(include, "file(...), classpath(...) or a quoted name after include", $"url(\"{name}\") (not supported)");
        }

        var result = _includes.Open(kind, name);
        if (result is null)
        {
            if (required)
            {
                throw Error(include, $"an existing document for required include \"{name}\"", _includes.DescribeMissing(kind, name));
            }

            return;
        }

        if (_includeStack.Contains(result.Identity, StringComparer.Ordinal) || _includeStack.Count >= MaxIncludeDepth)
        {
            throw Error(include, "an include that does not include itself", $"an include cycle through {result.Origin}");
        }

        _includeStack.Add(result.Identity);
        HoconObject included;
        try
        {
            included = new HoconParser(result.Text, result.Origin, result.Nested, path, _includeStack).ParseRoot();
        }
        finally
        {
            _includeStack.RemoveAt(_includeStack.Count - 1);
        }

        foreach (var (key, value) in included.Fields.ToList())
        {
            HoconMerger.SetPath(target, [key], value, path);
        }
    }

    private (HoconIncludeKind Kind, string Name) ParseIncludeTarget()
    {
        var token = Peek();
        if (token.Kind == HoconTokenKind.Quoted)
        {
            Next();
            return (HoconIncludeKind.Heuristic, token.Text);
        }

        HoconIncludeKind? kind = token.Kind != HoconTokenKind.Unquoted ? null : token.Text switch
        {
            "file" => HoconIncludeKind.File,
            "classpath" => HoconIncludeKind.Classpath,
            "url" => HoconIncludeKind.Url,
            _ => null,
        };
        if (kind is null)
        {
            throw Error(token, "a quoted name, file(\"...\"), classpath(\"...\") or required(...) after include", token.Describe());
        }

        Next();
        ExpectParenthesis("(", $"'(' after {token.Text}");
        SkipWhitespace();
        var name = Peek();
        if (name.Kind != HoconTokenKind.Quoted)
        {
            throw Error(name, $"a quoted name inside {token.Text}(...)", name.Describe());
        }

        Next();
        SkipWhitespace();
        ExpectParenthesis(")", $"')' closing {token.Text}(");
        return (kind.Value, name.Text);
    }

    private void ExpectParenthesis(string text, string expected)
    {
        var token = Peek();
        if (token.Kind != HoconTokenKind.Unquoted || token.Text != text)
        {
            throw Error(token, expected, token.Describe());
        }

        Next();
    }

    private HoconSubstitution MakeSubstitution(HoconToken token, IReadOnlyList<string>? definedAt)
    {
        var prefixed = _includePrefix is { Count: > 0 };
        var path = prefixed ? HoconPath.Append(_includePrefix!, token.Path) : token.Path;
        return new HoconSubstitution(OriginOf(token), token.Text, path, token.Optional, prefixed ? token.Path : null, definedAt);
    }

    private static HoconScalar InterpretUnquoted(HoconScalar value) => value.Text switch
    {
        "true" or "false" => new HoconScalar(HoconScalarKind.Boolean, value.Text, value.Origin),
        "null" => new HoconScalar(HoconScalarKind.Null, value.Text, value.Origin),
        _ when IsJsonNumber(value.Text) => new HoconScalar(HoconScalarKind.Number, value.Text, value.Origin),
        _ => value,
    };

    /// <summary>True for text matching JSON's number grammar.</summary>
    internal static bool IsJsonNumber(string text)
    {
        var i = 0;
        if (i < text.Length && text[i] == '-')
        {
            i++;
        }

        if (i >= text.Length || !char.IsAsciiDigit(text[i]))
        {
            return false;
        }

        if (text[i] == '0')
        {
            i++;
        }
        else
        {
            i = SkipDigits(text, i);
        }

        if (i < text.Length && text[i] == '.')
        {
            var start = ++i;
            i = SkipDigits(text, i);
            if (i == start)
            {
                return false;
            }
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }

            var start = i;
            i = SkipDigits(text, i);
            if (i == start)
            {
                return false;
            }
        }

        return i == text.Length;
    }

    private static int SkipDigits(string text, int i)
    {
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsValueStart(HoconTokenKind kind) => kind is HoconTokenKind.Quoted or HoconTokenKind.Unquoted
        or HoconTokenKind.Substitution or HoconTokenKind.OpenBrace or HoconTokenKind.OpenBracket;

    private void Enter(HoconToken open)
    {
        if (++_depth > MaxDepth)
        {
            throw Error(open, $"at most {MaxDepth} levels of nesting", "deeper nesting");
        }
    }

    private HoconToken Peek() => _tokens[_index];

    private HoconToken PeekAt(int offset) => _tokens[Math.Min(_index + offset, _tokens.Count - 1)];

    private HoconToken Next()
    {
        var token = _tokens[_index];
        if (_index < _tokens.Count - 1)
        {
            _index++;
        }

        return token;
    }

    private void SkipWhitespace()
    {
        while (Peek().Kind == HoconTokenKind.Whitespace)
        {
            Next();
        }
    }

    private void SkipWhitespaceAndNewlines()
    {
        while (Peek().Kind is HoconTokenKind.Whitespace or HoconTokenKind.Newline)
        {
            Next();
        }
    }

    private HoconOrigin OriginOf(HoconToken token) => new(_origin, token.Line, token.Column);

    private HoconParseException Error(HoconToken token, string expected, string found) => new(_origin, token.Line, token.Column, expected, found);
}
