package uk.police.bluelamp.contact.contactview;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.contact.event.CallEnded;
import uk.police.bluelamp.messages.contact.event.CallRang;
import uk.police.bluelamp.messages.contact.event.CallbackAttempted;
import uk.police.bluelamp.messages.contact.event.CallbackRequested;
import uk.police.bluelamp.messages.contact.event.ContactClosed;
import uk.police.bluelamp.messages.contact.event.ContactLinkedToCase;
import uk.police.bluelamp.messages.contact.event.ContactReceived;
import uk.police.bluelamp.messages.contact.event.ContactTransferred;
import uk.police.bluelamp.messages.contact.event.ContactTriaged;
import uk.police.bluelamp.platform.readmodel.BatchedWrites;
import uk.police.bluelamp.platform.readmodel.ReadModel;

/**
 * Keeps what a handler reads when they open a contact: the report, the call or call-back, triage.
 * <p>
 * A rebuild reads hundreds of thousands of these events, so a batch's changes are gathered and
 * written when it commits in a few statements (ContactViewChanges), live and in a rebuild alike.
 * Each handler reads its event before the batch takes it: an event that cannot be read fails
 * alone, as it did when each wrote its own row.
 */
@Component
@ProcessingGroup(ContactViewProjection.PROCESSING_GROUP)
@ReadModel(tables = {"contact_detail", "contact_channel_detail", "contact_triage", "contact_transfer"})
class ContactViewProjection {

    static final String PROCESSING_GROUP = "contact-view";

    private final JdbcTemplate jdbc;
    private final BatchedWrites<ContactViewChanges> writes;

    ContactViewProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites<>(jdbc, ContactViewProjection.class, ContactViewChanges::new);
    }

    /** A replay rebuilds from nothing, so the rebuilt tables hold exactly what the events say. */
    @ResetHandler
    void reset() {
        jdbc.update("delete from contact_detail");
        jdbc.update("delete from contact_channel_detail");
        jdbc.update("delete from contact_triage");
        jdbc.update("delete from contact_transfer");
    }

    @EventHandler
    void on(ContactReceived event, @MessageIdentifier String id) {
        Object[] detail = ContactViewChanges.detail(event);
        writes.write(id, changes -> changes.received(detail));
    }

    @EventHandler
    void on(CallRang event, @MessageIdentifier String id) {
        String callId = event.call().callId();
        String to = event.call().to();
        writes.write(id, changes -> changes.rang(event.contactId(), callId, to));
    }

    @EventHandler
    void on(CallEnded event, @MessageIdentifier String id) {
        String cause = event.cause().name();
        writes.write(id, changes -> changes.callEnded(event.contactId(), cause));
    }

    @EventHandler
    void on(CallbackRequested event, @MessageIdentifier String id) {
        writes.write(
                id,
                changes -> changes.callbackRequested(
                        event.contactId(), event.phone(), event.name(), event.windowStart(), event.windowEnd()));
    }

    @EventHandler
    void on(CallbackAttempted event, @MessageIdentifier String id) {
        String outcome = event.outcome().name();
        writes.write(id, changes -> changes.callbackAttempted(event.contactId(), outcome, event.note()));
    }

    @EventHandler
    void on(ContactLinkedToCase event, @MessageIdentifier String id) {
        writes.write(id, changes -> changes.linked(event.contactId(), event.reference()));
    }

    @EventHandler
    void on(ContactClosed event, @MessageIdentifier String id) {
        writes.write(id, changes -> changes.closed(event.contactId(), event.outcome()));
    }

    /** The note goes with the contact, so whoever picks it up reads why it came to them. */
    @EventHandler
    void on(ContactTransferred event, @MessageIdentifier String id) {
        Object[] transfer = ContactViewChanges.transfer(id, event);
        writes.write(id, changes -> changes.transferred(transfer));
    }

    @EventHandler
    void on(ContactTriaged event, @MessageIdentifier String id) {
        Object[] triage = ContactViewChanges.triage(id, event);
        writes.write(id, changes -> changes.triaged(triage));
    }
}
