namespace Serenity.Streams;

/// <summary>What a buffer does with an element that arrives when it is full.</summary>
public enum OverflowStrategy
{
    /// <summary>Drops the oldest buffered element to make room.</summary>
    DropHead,

    /// <summary>Drops the newest buffered element to make room.</summary>
    DropTail,

    /// <summary>Drops every buffered element to make room.</summary>
    DropBuffer,

    /// <summary>Drops the arriving element.</summary>
    DropNew,

    /// <summary>Never overflows: stops pulling upstream while full.</summary>
    Backpressure,

    /// <summary>Fails the stream with <see cref="BufferOverflowException"/>.</summary>
    Fail,
}

/// <summary>What a throttle does when upstream is faster than its rate.</summary>
public enum ThrottleMode
{
    /// <summary>Delays elements to meet the rate.</summary>
    Shaping,

    /// <summary>Fails the stream with <see cref="RateExceededException"/>.</summary>
    Enforcing,
}
