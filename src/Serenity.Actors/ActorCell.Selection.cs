namespace Serenity.Actors;

/// <summary>Routes an <see cref="ActorSelection"/>'s message one path element further, from inside this actor.</summary>
internal sealed partial class ActorCell
{
    private void DeliverSelection(SelectionDelivery delivery)
    {
        if (delivery.Index == delivery.Elements.Length)
        {
            _self.Tell(delivery.Message, delivery.Sender); // arrived: an ordinary message to this actor
            return;
        }
        var element = delivery.Elements[delivery.Index];
        var next = delivery with { Index = delivery.Index + 1 };
        switch (element)
        {
            case ".":
                DeliverSelection(next);
                return;
            case "..":
                if (_parent is LocalActorRef parent) parent.Tell(next, delivery.Sender);
                else NotFound(delivery);
                return;
        }
        if (element.Contains('*', StringComparison.Ordinal) || element.Contains('?', StringComparison.Ordinal))
        {
            var matched = false;
            foreach (var child in Children)
            {
                if (!Actors.ActorSelection.Wildcard.Matches(element, child.Path.Name)) continue;
                child.Tell(next, delivery.Sender);
                matched = true;
            }
            if (!matched) NotFound(delivery);
            return;
        }
        if (TryGetChild(element) is { IsTerminated: false } target) target.Tell(next, delivery.Sender);
        else NotFound(delivery);
    }

    private void NotFound(SelectionDelivery delivery)
    {
        if (delivery.Message is Identify identify) delivery.Sender?.Tell(new ActorIdentity(identify.MessageId, null), _self);
        else _system.DeadLetter(delivery.Message, delivery.Sender, _self);
    }
}
