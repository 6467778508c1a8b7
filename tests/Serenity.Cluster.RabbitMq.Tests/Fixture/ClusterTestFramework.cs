using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("Serenity.Cluster.RabbitMq.Tests.Fixture.ClusterTestFramework", "Serenity.Cluster.RabbitMq.Tests")]

namespace Serenity.Cluster.RabbitMq.Tests.Fixture;

/// <summary>
/// xunit's framework, except that where PostgreSQL or RabbitMQ cannot be started (and CI is not "true"),
/// every test of the <see cref="ClusterCollection"/> is discovered as skipped, with the reason. It
/// works for facts inherited from the contract suite's abstract classes too, which cannot carry a
/// skip attribute of this project's.
/// </summary>
public sealed class ClusterTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    /// <inheritdoc />
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new Discoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Discoverer(IAssemblyInfo assemblyInfo, ISourceInformationProvider sourceProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkDiscoverer(assemblyInfo, sourceProvider, diagnosticMessageSink)
    {
        protected override bool FindTestsForMethod(ITestMethod testMethod, bool includeSourceInformation, IMessageBus messageBus, ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            if (ClusterTestEnvironment.SkipReason is not { } reason
                || testMethod.TestClass.TestCollection.DisplayName != ClusterCollection.Name
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
