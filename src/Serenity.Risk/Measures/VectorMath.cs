using System.Numerics;
using System.Runtime.InteropServices;

namespace Serenity.Risk.Measures;

/// <summary>Small SIMD kernels over double spans.</summary>
internal static class VectorMath
{
    /// <summary>y += a x x, element-wise (the spans have equal length).</summary>
    public static void MultiplyAdd(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<double>.Count)
        {
            var va = new Vector<double>(a);
            var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
            var vy = MemoryMarshal.Cast<double, Vector<double>>(y);
            for (var v = 0; v < vx.Length; v++) vy[v] += va * vx[v];
            i = vx.Length * Vector<double>.Count;
        }
        for (; i < x.Length; i++) y[i] += a * x[i];
    }

    /// <summary>Sum of x.</summary>
    public static double Sum(ReadOnlySpan<double> x)
    {
        var s = 0.0;
        foreach (var v in x) s += v;
        return s;
    }

    /// <summary>Sample variance (divisor n - 1) of x about <paramref name="mean"/> (two-pass, so no cancellation).</summary>
    public static double SampleVariance(ReadOnlySpan<double> x, double mean)
    {
        if (x.Length < 2) return 0;
        var s = 0.0;
        foreach (var v in x)
        {
            var d = v - mean;
            s += d * d;
        }
        return s / (x.Length - 1);
    }

    /// <summary>Sum of x[i] x y[i].</summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var s = 0.0;
        for (var i = 0; i < x.Length; i++) s += x[i] * y[i];
        return s;
    }
}
