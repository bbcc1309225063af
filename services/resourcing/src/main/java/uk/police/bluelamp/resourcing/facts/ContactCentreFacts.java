package uk.police.bluelamp.resourcing.facts;

import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.ConnectionCallback;
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
import uk.police.bluelamp.platform.readmodel.ProjectionFailure;
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
 * rebuild alike. A row PostgreSQL refuses would fail the whole batch, which names no event; so
 * the events of a batch that failed, and a dead letter being retried, are written one by one,
 * each in a savepoint of its own, where a refusal parks that one event (docs/adr/0016).
 */
@Component
@ProcessingGroup(ContactCentreFacts.PROCESSING_GROUP)
@ReadModel(
        tables = {"contact_fact", "handler_span"},
        holdsPersonalData = false)
class ContactCentreFacts {

    static final String PROCESSING_GROUP = "resourcing";
    private static final String PENDING = ContactCentreFacts.class.getName() + ".pending";
    private static final int REMEMBERED = 10_000;

    private final JdbcTemplate jdbc;
    /**
     * Events of a batch that failed, to write one by one when the batch comes round again. In
     * this node's memory only: forgotten, the batch fails once more and they are remembered again.
     */
    private final Set<String> inFailedBatch =
            Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED;
                }
            }));

    ContactCentreFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
        boolean retried = CurrentUnitOfWork.get().resources().containsKey(DeadLetter.class.getName());
        if (retried || inFailedBatch.contains(eventId)) {
            FactChanges alone = new FactChanges();
            change.accept(alone);
            writeAlone(alone);
        } else {
            Batch batch = pending();
            change.accept(batch.changes());
            batch.eventIds().add(eventId);
        }
    }

    private record Batch(FactChanges changes, Set<String> eventIds) {}

    private Batch pending() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(PENDING, key -> {
            Batch batch = new Batch(new FactChanges(), new LinkedHashSet<>());
            unitOfWork.onPrepareCommit(u -> writeBatch(batch));
            return batch;
        });
    }

    private void writeBatch(Batch batch) {
        try {
            jdbc.execute((ConnectionCallback<Void>) connection -> {
                batch.changes().write(connection);
                return null;
            });
        } catch (RuntimeException refused) {
            inFailedBatch.addAll(batch.eventIds());
            // Described without the rows: PostgreSQL quotes the one it refuses, reason and all.
            throw ProjectionFailure.of(refused);
        }
    }

    /** In a savepoint of its own: a row PostgreSQL refuses is undone, so its event can be parked alone. */
    private void writeAlone(FactChanges changes) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            Savepoint savepoint = connection.setSavepoint();
            try {
                changes.write(connection);
                connection.releaseSavepoint(savepoint);
                return null;
            } catch (RuntimeException | SQLException refused) {
                connection.rollback(savepoint);
                throw ProjectionFailure.undone(refused);
            }
        });
    }
}
