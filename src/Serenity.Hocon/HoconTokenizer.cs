using System.Text;

namespace Serenity.Hocon;

/// <summary>Turns HOCON text into tokens; comments are dropped, the newline ending them is kept.</summary>
internal sealed class HoconTokenizer
{
    /// <summary>Characters that cannot appear in unquoted text.</summary>
    private const string Forbidden = "$\"{}[]:=,+#`^?!@*&\\";

    private readonly string _text;
    private readonly string _origin;
    private readonly List<HoconToken> _tokens = [];
    private int _pos;
    private int _line = 1;
    private int _column = 1;

    private HoconTokenizer(string text, string origin)
    {
        _text = text;
        _origin = origin;
    }

    /// <summary>Tokenizes <paramref name="text"/>; the last token is always <see cref="HoconTokenKind.EndOfFile"/>.</summary>
    public static List<HoconToken> Tokenize(string text, string origin)
    {
        var tokenizer = new HoconTokenizer(text, origin);
        tokenizer.Run();
        return tokenizer._tokens;
    }

    /// <summary>Whitespace other than newline, including the byte order mark.</summary>
    public static bool IsWhitespace(char c) => c != '\n' && (char.IsWhiteSpace(c) || c == '\uFEFF');

    private void Run()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            var line = _line;
            var column = _column;
            if (c == '\n')
            {
                Advance(1);
                Add(HoconTokenKind.Newline, "\n", line, column);
            }
            else if (IsWhitespace(c))
            {
                var start = _pos;
                while (_pos < _text.Length && IsWhitespace(_text[_pos]))
                {
                    Advance(1);
                }

                Add(HoconTokenKind.Whitespace, _text[start.._pos], line, column);
            }
            else if (c == '#' || IsCommentStart(_pos))
            {
                while (_pos < _text.Length && _text[_pos] != '\n')
                {
                    Advance(1);
                }
            }
            else
            {
                ReadToken(c, line, column);
            }
        }

        Add(HoconTokenKind.EndOfFile, string.Empty, _line, _column);
    }

    private void ReadToken(char c, int line, int column)
    {
        switch (c)
        {
            case '{': Single(HoconTokenKind.OpenBrace); break;
            case '}': Single(HoconTokenKind.CloseBrace); break;
            case '[': Single(HoconTokenKind.OpenBracket); break;
            case ']': Single(HoconTokenKind.CloseBracket); break;
            case ',': Single(HoconTokenKind.Comma); break;
            case ':':
            case '=': Single(HoconTokenKind.Separator); break;
            case '(':
            case ')': Single(HoconTokenKind.Unquoted); break;
            case '+':
                if (Peek(1) != '=')
                {
                    throw Error(line, column, "'+=' (quote a literal '+')", Found(1));
                }

                Advance(2);
                Add(HoconTokenKind.PlusEquals, "+=", line, column);
                break;
            case '"':
                if (Peek(1) == '"' && Peek(2) == '"')
                {
                    ReadTripleQuoted(line, column);
                }
                else
                {
                    ReadQuoted(line, column);
                }

                break;
            case '$':
                if (Peek(1) != '{')
                {
                    throw Error(line, column, "'${' starting a substitution (quote a literal '$')", Found(2));
                }

                ReadSubstitution(line, column);
                break;
            default:
                if (Forbidden.Contains(c, StringComparison.Ordinal))
                {
                    throw Error(line, column, $"a key or value (quote the text to use '{c}')", $"'{c}'");
                }

                ReadUnquoted(line, column);
                break;
        }
    }

    private void ReadUnquoted(int line, int column)
    {
        var start = _pos;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '\n' || IsWhitespace(c) || c == '(' || c == ')' || Forbidden.Contains(c, StringComparison.Ordinal) || IsCommentStart(_pos))
            {
                break;
            }

            Advance(1);
        }

        Add(HoconTokenKind.Unquoted, _text[start.._pos], line, column);
    }

    private void ReadQuoted(int line, int column)
    {
        var builder = new StringBuilder();
        Advance(1);
        while (true)
        {
            if (_pos >= _text.Length || _text[_pos] == '\n')
            {
                throw Error(_line, _column, $"closing '\"' of the string started at {line}:{column}", Found(1));
            }

            var c = _text[_pos];
            if (c == '"')
            {
                Advance(1);
                break;
            }

            if (c == '\\')
            {
                var used = HoconEscapes.TryDecode(_text, _pos, out var decoded);
                if (used == 0)
                {
                    throw Error(_line, _column, "a valid escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)", Found(_text[_pos..].StartsWith("\\u", StringComparison.Ordinal) ? 6 : 2));
                }

                builder.Append(decoded);
                Advance(used);
                continue;
            }

            builder.Append(c);
            Advance(1);
        }

        Add(HoconTokenKind.Quoted, builder.ToString(), line, column);
    }

    private void ReadTripleQuoted(int line, int column)
    {
        Advance(3);
        var start = _pos;
        while (true)
        {
            if (_pos >= _text.Length)
            {
                throw Error(_line, _column, $"closing '\"\"\"' of the string started at {line}:{column}", "end of file");
            }

            if (_text[_pos] == '"' && Peek(1) == '"' && Peek(2) == '"')
            {
                // Extra quotes before the final three belong to the string.
                var run = 0;
                while (Peek(run) == '"')
                {
                    run++;
                }

                Advance(run - 3);
                var content = _text[start.._pos];
                Advance(3);
                Add(HoconTokenKind.Quoted, content, line, column);
                return;
            }

            Advance(1);
        }
    }

    private void ReadSubstitution(int line, int column)
    {
        var start = _pos;
        Advance(2);
        var optional = false;
        if (Peek(0) == '?')
        {
            optional = true;
            Advance(1);
        }

        var pathStart = _pos;
        var inQuotes = false;
        while (true)
        {
            if (_pos >= _text.Length || _text[_pos] == '\n')
            {
                throw Error(_line, _column, $"'}}' closing the substitution started at {line}:{column}", Found(1));
            }

            var c = _text[_pos];
            if (inQuotes && c == '\\')
            {
                Advance(Math.Min(2, _text.Length - _pos));
                continue;
            }

            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (c == '}' && !inQuotes)
            {
                break;
            }

            Advance(1);
        }

        var rawPath = _text[pathStart.._pos];
        Advance(1);
        var text = _text[start.._pos];
        if (!HoconPath.TryParse(rawPath, out var path, out var problem))
        {
            throw Error(line, column, "a path inside " + (optional ? "${?...}" : "${...}"), $"{text} ({problem})");
        }

        _tokens.Add(new HoconToken(HoconTokenKind.Substitution, text, line, column) { Path = path, Optional = optional });
    }

    private bool IsCommentStart(int index) => index + 1 < _text.Length && _text[index] == '/' && _text[index + 1] == '/';

    private char Peek(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private string Found(int length)
    {
        if (_pos >= _text.Length)
        {
            return "end of file";
        }

        if (_text[_pos] == '\n')
        {
            return "newline";
        }

        var end = Math.Min(_text.Length, _pos + length);
        var newline = _text.IndexOf('\n', _pos, end - _pos);
        return "'" + _text[_pos..(newline < 0 ? end : newline)] + "'";
    }

    private void Single(HoconTokenKind kind)
    {
        var line = _line;
        var column = _column;
        var text = _text[_pos].ToString();
        Advance(1);
        Add(kind, text, line, column);
    }

    private void Add(HoconTokenKind kind, string text, int line, int column) => _tokens.Add(new HoconToken(kind, text, line, column));

    private void Advance(int count)
    {
        for (var i = 0; i < count && _pos < _text.Length; i++)
        {
            if (_text[_pos] == '\n')
            {
                _line++;
                _column = 1;
            }
            else
            {
                _column++;
            }

            _pos++;
        }
    }

    private HoconParseException Error(int line, int column, string expected, string found) => new(_origin, line, column, expected, found);
}
