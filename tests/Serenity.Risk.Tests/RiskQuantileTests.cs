using Serenity.Risk.Measures;

namespace Serenity.Risk.Tests;

public sealed class RiskQuantileTests
{
    [Theory]
    [InlineData(60, 3, 1)]
    [InlineData(40, 2, 1)]
    [InlineData(20, 1, 1)]
    [InlineData(100, 5, 1)]
    [InlineData(101, 6, 2)]
    [InlineData(250, 13, 3)]
    [InlineData(1, 1, 1)]
    public void Tail_count_is_ceiling_of_m_times_one_minus_c(int scenarios, int k95, int k99)
    {
        Assert.Equal(k95, RiskQuantile.TailCount(scenarios, VarConfidence.Percent95));
        Assert.Equal(k99, RiskQuantile.TailCount(scenarios, VarConfidence.Percent99));
    }
}
