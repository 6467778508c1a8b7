using Xunit.Abstractions;
using Xunit.Sdk;

namespace Serenity.Tests.Shared;

/// <summary>
/// xunit's framework, except that where a server the tests need cannot be started (and CI is not "true"), every test
/// of one collection is discovered as skipped, with the reason. It works for facts inherited from a contract suite's
/// abstract classes too, which cannot carry a skip attribute of the project's. A test project names a subclass in its
/// <c>[assembly: TestFramework]</c> attribute.
/// </summary>
public abstract class EnvironmentSkippingTestFramework(IMessageSink messageSink, string collectionName, Func<string?> skipReason)
    : XunitTestFramework(messageSink)
{
    /// <inheritdoc />
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new Discoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink, collectionName, skipReason);

    private sealed class Discoverer(
        IAssemblyInfo assemblyInfo,
        ISourceInformationProvider sourceProvider,
        IMessageSink diagnosticMessageSink,
        string collectionName,
        Func<string?> skipReason)
        : XunitTestFrameworkDiscoverer(assemblyInfo, sourceProvider, diagnosticMessageSink)
    {
        protected override bool FindTestsForMethod(ITestMethod testMethod, bool includeSourceInformation, IMessageBus messageBus, ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            if (skipReason() is not { } reason
                || testMethod.TestClass.TestCollection.DisplayName != collectionName
                || !testMethod.Method.GetCustomAttributes(typeof(FactAttribute)).Any())
            {
                return base.FindTestsForMethod(testMethod, includeSourceInformation, messageBus, discoveryOptions);
            }
            var skipped = new XunitSkippedDataRowTestCase(
                DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason);
            return ReportDiscoveredTestCase(skipped, includeSourceInformation, messageBus);
        }
    }
}
