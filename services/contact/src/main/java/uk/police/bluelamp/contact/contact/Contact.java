package uk.police.bluelamp.contact.contact;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ContactReceived;
import uk.police.bluelamp.messages.contact.ReceiveContact;

/** One approach by a member of the public, through one channel. */
@Aggregate
class Contact {

    @AggregateIdentifier
    private String contactId;
    private Channel channel;

    Contact() {
        // for event sourcing
    }

    @CommandHandler
    Contact(ReceiveContact command) {
        if (command.contactId() == null || command.contactId().isBlank()) {
            throw new IllegalArgumentException("contactId is required");
        }
        Objects.requireNonNull(command.channel(), "channel is required");
        Objects.requireNonNull(command.details(), "details are required");
        Objects.requireNonNull(command.receivedAt(), "receivedAt is required");
        apply(new ContactReceived(command.contactId(), command.channel(), command.caseReference(),
                command.details(), command.reporter(), command.requestedUpdates(), command.receivedAt()));
    }

    @EventSourcingHandler
    void on(ContactReceived event) {
        contactId = event.contactId();
        channel = event.channel();
    }
}
