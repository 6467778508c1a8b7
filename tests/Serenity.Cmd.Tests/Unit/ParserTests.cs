using Serenity.Cmd.Parsing;

namespace Serenity.Cmd.Tests.Unit;

public sealed class ParserTests
{
    [Fact]
    public void The_address_is_optional_and_defaults_to_9110_on_loopback()
    {
        var run = Assert.IsType<RunCommand>(CommandLineParser.Parse(["actor", "system"]));
        Assert.Equal("127.0.0.1:9110", run.Invocation.Endpoint.ToString());
        var other = Assert.IsType<RunCommand>(CommandLineParser.Parse(["node-2.example:9200", "actor", "system"]));
        Assert.Equal(new Endpoint("node-2.example", 9200), other.Invocation.Endpoint);
    }

    [Fact]
    public void Options_take_long_short_and_inline_forms_and_json_anywhere()
    {
        var run = Assert.IsType<RunCommand>(CommandLineParser.Parse(["actor", "hierarchy", "--json", "-d", "2", "--path=/user"])).Invocation;
        Assert.True(run.Json);
        Assert.Equal(2, run.Number("depth"));
        Assert.Equal("/user", run.Option("path"));
        Assert.Equal("actors?depth=2&path=%2Fuser", run.Command.Handler.Request(run).Path);
    }

    [Fact]
    public void Arguments_are_escaped_into_the_request()
    {
        var run = Assert.IsType<RunCommand>(CommandLineParser.Parse(["cluster", "down", "node a:1"])).Invocation;
        Assert.Equal(HttpMethod.Post, run.Command.Handler.Request(run).Method);
        Assert.Equal("cluster/down?address=node%20a%3A1", run.Command.Handler.Request(run).Path);
    }

    [Fact]
    public void Choices_are_case_insensitive_and_normalised()
    {
        var run = Assert.IsType<RunCommand>(CommandLineParser.Parse(["log", "peek", "--level", "WARNING", "-n", "5"])).Invocation;
        Assert.Equal("log/peek?level=warning&n=5", run.Command.Handler.Request(run).Path);
    }

    [Theory]
    [InlineData("", typeof(StartInteractive))]
    [InlineData("127.0.0.1:9000", typeof(StartInteractive))]
    [InlineData("help", typeof(ShowHelp))]
    [InlineData("help cluster", typeof(ShowHelp))]
    [InlineData("cluster help", typeof(ShowHelp))]
    [InlineData("cluster show --help", typeof(ShowHelp))]
    [InlineData("-h", typeof(ShowHelp))]
    public void Help_and_interactive_are_recognised(string line, Type expected) =>
        Assert.IsType(expected, CommandLineParser.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)));

    [Theory]
    [InlineData("cluster", "'cluster' needs a command: show, status, leader, join, leave, down, down-unreachable, tail")]
    [InlineData("help nope", "'nope' is not a palette")]
    [InlineData("--json actor system", "unexpected option '--json' before the palette")]
    [InlineData("actor system extra", "unexpected argument 'extra' for 'actor system'")]
    [InlineData("actor hierarchy -d", "option '-d' of 'actor hierarchy' needs a value: -d|--depth <n>")]
    [InlineData("actor hierarchy -d x", "expected a whole number from 1 to 8, not 'x'")]
    [InlineData("market-data buckets --top 0", "expected a whole number from 1 to any, not '0'")]
    [InlineData("cluster join", "'cluster join' needs <address>")]
    [InlineData("host:0 actor system", "'host:0' is not a node address")]
    public void Mistakes_say_what_was_expected(string line, string expected)
    {
        var error = Assert.IsType<UsageError>(CommandLineParser.Parse(line.Split(' ')));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_prompt_line_without_a_palette_is_a_mistake_not_a_new_prompt() =>
        Assert.IsType<UsageError>(CommandLineParser.ParseCommand([], Endpoint.Default));
}
