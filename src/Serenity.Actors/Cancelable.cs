namespace Serenity.Actors;

/// <summary>Something scheduled that can be called off.</summary>
public interface ICancelable
{
    /// <summary>True once cancelled.</summary>
    bool IsCancellationRequested { get; }

    /// <summary>Cancels; idempotent. A message already delivered is not taken back.</summary>
    void Cancel();
}
