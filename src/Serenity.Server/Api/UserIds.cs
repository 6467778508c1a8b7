namespace Serenity.Server.Api;

/// <summary>What a user id may look like, and whose an order id is.</summary>
public static class UserIds
{
    /// <summary>Longest user id.</summary>
    public const int MaxLength = 64;

    /// <summary>Null when <paramref name="userId"/> is acceptable, else why not.</summary>
    public static string? Problem(string userId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        if (userId.Length > MaxLength) return $"user_id must be at most {MaxLength} characters";
        foreach (var c in userId)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-')) return "user_id may contain only letters, digits, '_', '.' and '-'";
        }
        return null;
    }

    /// <summary>The user an account gave <paramref name="orderId"/> to (its ids are <c>{user}-{number}</c>), or null.</summary>
    public static string? OwnerOfOrder(string orderId)
    {
        ArgumentNullException.ThrowIfNull(orderId);
        var dash = orderId.LastIndexOf('-');
        if (dash <= 0 || dash == orderId.Length - 1) return null;
        foreach (var c in orderId.AsSpan(dash + 1))
        {
            if (!char.IsAsciiDigit(c)) return null;
        }
        return orderId[..dash];
    }
}
