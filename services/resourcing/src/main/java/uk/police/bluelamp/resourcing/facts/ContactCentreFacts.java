package uk.police.bluelamp.resourcing.facts;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.event.CallAnswered;
import uk.police.bluelamp.messages.contact.event.CallEnded;
import uk.police.bluelamp.messages.contact.event.CallRang;
import uk.police.bluelamp.messages.contact.event.CallbackRequested;
import uk.police.bluelamp.messages.contact.event.ChatEnded;
import uk.police.bluelamp.messages.contact.event.ChatStarted;
import uk.police.bluelamp.messages.contact.event.ContactAbandoned;
import uk.police.bluelamp.messages.contact.event.ContactAssigned;
import uk.police.bluelamp.messages.contact.event.ContactClosed;
import uk.police.bluelamp.messages.contact.event.ContactReceived;
import uk.police.bluelamp.messages.handler.event.HandlerAvailabilityChanged;
import uk.police.bluelamp.platform.readmodel.BatchedWrites;
import uk.police.bluelamp.platform.readmodel.ReadModel;

/**
 * What every contact-centre figure is made of, kept from the contact and handler events: when
 * each contact was offered, answered, abandoned, ended and closed, and each handler's
 * availability as spans of time. The moments are the events' own (a call-back is offered from
 * the start of its window, as the queue has it), so a rebuild over the whole log gives the same
 * rows, and figures over any past period come from here.
 * <p>
 * A year of history is millions of events, so a batch's changes are gathered per contact and
 * handler and written when it commits, in a few statements (FactChanges), live and in a
 * rebuild alike ({@link BatchedWrites}).
 */
@Component
@ProcessingGroup(ContactCentreFacts.PROCESSING_GROUP)
@ReadModel(
        tables = {"contact_fact", "handler_span"},
        holdsPersonalData = false)
class ContactCentreFacts {

    static final String PROCESSING_GROUP = "resourcing";

    private final JdbcTemplate jdbc;
    private final BatchedWrites<FactChanges> writes;

    ContactCentreFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites<>(jdbc, ContactCentreFacts.class, FactChanges::new);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from contact_fact");
        jdbc.update("delete from handler_span");
    }

    @EventHandler
    void on(ContactReceived event, @MessageIdentifier String id) {
        offered(id, event.contactId(), event.channel(), event.receivedAt());
    }

    @EventHandler
    void on(ChatStarted event, @MessageIdentifier String id) {
        offered(id, event.contactId(), Channel.CHAT, event.at());
    }

    @EventHandler
    void on(CallRang event, @MessageIdentifier String id) {
        offered(id, event.contactId(), Channel.PHONE, event.at());
    }

    @EventHandler
    void on(CallbackRequested event, @MessageIdentifier String id) {
        offered(id, event.contactId(), Channel.CALLBACK, event.windowStart());
    }

    @EventHandler
    void on(ContactAssigned event, @MessageIdentifier String id) {
        Instant at = Objects.requireNonNull(event.at());
        String by = Objects.requireNonNull(event.handler());
        write(id, changes -> changes.answered(event.contactId(), at, by, false));
    }

    /** A hangup that overtook its answer: the call was answered after all, not abandoned. */
    @EventHandler
    void on(CallAnswered event, @MessageIdentifier String id) {
        if (event.afterHangup()) {
            Instant at = Objects.requireNonNull(event.at());
            write(id, changes -> changes.answered(event.contactId(), at, event.handler(), true));
        }
    }

    @EventHandler
    void on(ContactAbandoned event, @MessageIdentifier String id) {
        Instant at = Objects.requireNonNull(event.at());
        write(id, changes -> changes.abandoned(event.contactId(), at));
    }

    @EventHandler
    void on(CallEnded event, @MessageIdentifier String id) {
        ended(id, event.contactId(), event.at());
    }

    @EventHandler
    void on(ChatEnded event, @MessageIdentifier String id) {
        ended(id, event.contactId(), event.at());
    }

    @EventHandler
    void on(ContactClosed event, @MessageIdentifier String id) {
        Instant at = Objects.requireNonNull(event.at());
        write(id, changes -> changes.closed(event.contactId(), at));
    }

    @EventHandler
    void on(HandlerAvailabilityChanged event, @MessageIdentifier String id) {
        Instant at = Objects.requireNonNull(event.at());
        String status = event.status().name();
        write(id, changes -> changes.availability(event.handler(), status, at));
    }

    private void offered(String id, String contactId, Channel channel, Instant at) {
        String name = channel.name();
        Instant offeredAt = Objects.requireNonNull(at);
        write(id, changes -> changes.offered(contactId, name, offeredAt));
    }

    private void ended(String id, String contactId, Instant at) {
        Instant endedAt = Objects.requireNonNull(at);
        write(id, changes -> changes.ended(contactId, endedAt));
    }

    private void write(String eventId, Consumer<FactChanges> change) {
        writes.write(eventId, change);
    }
}
