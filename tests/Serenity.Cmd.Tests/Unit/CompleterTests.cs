using Serenity.Cmd.Completion;

namespace Serenity.Cmd.Tests.Unit;

public sealed class CompleterTests
{
    [Fact]
    public void The_first_word_completes_palettes_and_prompt_words()
    {
        var all = Completer.Candidates("");
        Assert.Contains("actor", all);
        Assert.Contains("cluster-sharding", all);
        Assert.Contains("exit", all);
        Assert.Equal(["cluster", "cluster-sharding"], Completer.Candidates("clu"));
    }

    [Fact]
    public void The_second_word_completes_the_palettes_commands()
    {
        Assert.Equal(["down", "down-unreachable", "help", "join", "leader", "leave", "show", "status", "tail"], Completer.Candidates("cluster "));
        Assert.Equal(["down", "down-unreachable"], Completer.Candidates("cluster do"));
        Assert.Empty(Completer.Candidates("nope "));
    }

    [Fact]
    public void Later_words_complete_unused_options_and_option_values()
    {
        Assert.Equal(["--depth", "--help", "--json", "--path"], Completer.Candidates("actor hierarchy "));
        Assert.Equal(["--help", "--json", "--path"], Completer.Candidates("actor hierarchy -d 2 --"));
        Assert.Equal(["debug", "error", "info", "warning"], Completer.Candidates("log peek --level "));
        Assert.Equal(["warning"], Completer.Candidates("log tail -l w"));
        Assert.Empty(Completer.Candidates("account show "));
        Assert.Equal(["--help", "--json"], Completer.Candidates("account show alice "));
    }

    [Fact]
    public void Complete_fills_a_single_candidate_or_the_common_prefix()
    {
        Assert.Equal("market-data ", Completer.Complete("mar", out _));
        Assert.Equal("cluster", Completer.Complete("clu", out var both));
        Assert.Equal(2, both.Count);
        Assert.Equal("cluster down", Completer.Complete("cluster do", out _));
        Assert.Equal("log peek --level warning ", Completer.Complete("log peek --level wa", out _));
        Assert.Equal("zzz", Completer.Complete("zzz", out var none));
        Assert.Empty(none);
    }

    [Fact]
    public void Quoted_words_stay_whole() => Assert.Equal(["account", "show", "a b"], Tokenizer.Split("account  show \"a b\""));
}
