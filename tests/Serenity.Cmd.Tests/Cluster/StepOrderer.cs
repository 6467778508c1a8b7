using Xunit.Abstractions;
using Xunit.Sdk;

namespace Serenity.Cmd.Tests.Cluster;

/// <summary>The step of a test in a class that shares one cluster: the reading tests run before the ones that change it.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StepAttribute(int number) : Attribute
{
    /// <summary>Lower runs first.</summary>
    public int Number { get; } = number;
}

/// <summary>Runs a class's tests by their <see cref="StepAttribute"/> (unmarked ones last).</summary>
public sealed class StepOrderer : ITestCaseOrderer
{
    /// <summary>The orderer's type name, for <c>[TestCaseOrderer]</c>.</summary>
    public const string TypeName = "Serenity.Cmd.Tests.Cluster.StepOrderer";

    /// <summary>The assembly's name, for <c>[TestCaseOrderer]</c>.</summary>
    public const string AssemblyName = "Serenity.Cmd.Tests";

    /// <inheritdoc />
    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase =>
        testCases.OrderBy(c => Step(c)).ThenBy(c => c.TestMethod.Method.Name, StringComparer.Ordinal);

    private static int Step(ITestCase testCase) =>
        testCase.TestMethod.Method.GetCustomAttributes(typeof(StepAttribute)).FirstOrDefault()?.GetNamedArgument<int>(nameof(StepAttribute.Number)) ?? int.MaxValue;
}
