using Xunit.Sdk;

namespace Serenity.TestKit;

/// <summary>An expectation of the TestKit was not met; xunit reports its message as the test failure.</summary>
public sealed class TestKitFailedException(string message) : XunitException(message);
