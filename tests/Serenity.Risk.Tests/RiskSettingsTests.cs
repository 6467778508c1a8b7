using Serenity.Hocon;
using Serenity.Risk.Checks;
using Serenity.Risk.Measures;

namespace Serenity.Risk.Tests;

public sealed class RiskSettingsTests
{
    [Fact]
    public void An_empty_config_gives_the_documented_defaults()
    {
        var s = RiskSettings.From(ConfigurationFactory.Empty);
        Assert.Equal(60, s.WindowLength);
        Assert.Equal(VarMethod.Historical, s.CheckMethod);
        Assert.Equal(VarConfidence.Percent95, s.CheckConfidence);
        Assert.Equal(new RiskLimits(100_000m, 250_000m, 5_000m), s.DefaultLimits);
        Assert.Empty(s.AccountLimits);
        Assert.Equal(s.DefaultLimits, s.LimitsFor("anyone"));
    }

    [Fact]
    public void Values_are_read_and_an_account_overrides_only_its_own_keys()
    {
        var s = RiskSettings.From(ConfigurationFactory.ParseString("""
            serenity.risk {
              window = 120
              check { var-method = parametric, var-confidence = 99 }
              limits { max-order-value = 2000, max-var-after-trade = none }
              accounts { alice { max-position-value = 7000.50 } }
            }
            """));
        Assert.Equal(120, s.WindowLength);
        Assert.Equal(VarMethod.Parametric, s.CheckMethod);
        Assert.Equal(VarConfidence.Percent99, s.CheckConfidence);
        Assert.Equal(new RiskLimits(2000m, 250_000m, null), s.DefaultLimits);
        Assert.Equal(new RiskLimits(2000m, 7000.50m, null), s.LimitsFor("alice"));
    }

    [Theory]
    [InlineData("serenity.risk.window = 1", "serenity.risk.window")]
    [InlineData("serenity.risk.check.var-method = montecarlo", "serenity.risk.check.var-method")]
    [InlineData("serenity.risk.check.var-confidence = 90", "serenity.risk.check.var-confidence")]
    [InlineData("serenity.risk.limits.max-order-value = -1", "serenity.risk.limits.max-order-value")]
    [InlineData("serenity.risk.limits.max-order-value = lots", "serenity.risk.limits.max-order-value")]
    public void Bad_values_stop_with_the_path(string hocon, string path)
    {
        var e = Assert.Throws<ConfigException>(() => RiskSettings.From(ConfigurationFactory.ParseString(hocon)));
        Assert.Contains(path, e.Message + e.Path, StringComparison.Ordinal);
    }
}
