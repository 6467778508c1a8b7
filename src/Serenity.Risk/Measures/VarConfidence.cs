namespace Serenity.Risk.Measures;

/// <summary>The two confidence levels every measure is given at.</summary>
public enum VarConfidence
{
    /// <summary>95%.</summary>
    Percent95,

    /// <summary>99%.</summary>
    Percent99,
}
