package uk.police.bluelamp.contact.canned;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import uk.police.bluelamp.messages.canned.command.AddCannedResponse;
import uk.police.bluelamp.messages.canned.command.EditCannedResponse;
import uk.police.bluelamp.messages.canned.command.RemoveCannedResponse;
import uk.police.bluelamp.messages.canned.event.CannedResponseAdded;
import uk.police.bluelamp.messages.canned.event.CannedResponseEdited;
import uk.police.bluelamp.messages.canned.event.CannedResponseRemoved;

/**
 * The force's canned chat responses as one aggregate, so that "no two with the same title" holds
 * even when two supervisors on two nodes save at once: both append to this one stream, the later
 * clashes, runs again on the fresh state and is refused. A few dozen short texts edited now and
 * then make a short history, so it needs no snapshots. Its texts are the force's wording, about
 * no one (see CannedResponseEvent).
 */
@Aggregate
class CannedResponseLibrary {

    /** There is one library per force. */
    static final String FORCE = "force";

    @AggregateIdentifier
    private String library;

    /** Each response's title, by id, as compared: case and outer spaces do not make a title new. */
    private final Map<String, String> titles = new HashMap<>();

    CannedResponseLibrary() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AddCannedResponse command) {
        Objects.requireNonNull(command.responseId(), "responseId is required");
        if (titles.containsKey(command.responseId())) {
            return;
        }
        refuseTaken(command.title(), command.responseId());
        apply(new CannedResponseAdded(
                command.library(), command.responseId(), command.title(), command.text(), command.at()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(EditCannedResponse command) {
        known(command.responseId());
        refuseTaken(command.title(), command.responseId());
        apply(new CannedResponseEdited(
                command.library(), command.responseId(), command.title(), command.text(), command.at()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RemoveCannedResponse command) {
        known(command.responseId());
        apply(new CannedResponseRemoved(command.library(), command.responseId(), command.at()));
    }

    private void known(String responseId) {
        if (responseId == null || !titles.containsKey(responseId)) {
            throw new CannedResponseRefused(CannedResponseRefused.Why.UNKNOWN);
        }
    }

    private void refuseTaken(String title, String responseId) {
        String key = key(title);
        boolean taken = titles.entrySet().stream()
                .anyMatch(t -> t.getValue().equals(key) && !t.getKey().equals(responseId));
        if (taken) {
            throw new CannedResponseRefused(CannedResponseRefused.Why.TITLE_TAKEN);
        }
    }

    private static String key(String title) {
        return Objects.requireNonNull(title, "title is required").strip().toLowerCase(Locale.ROOT);
    }

    @EventSourcingHandler
    void on(CannedResponseAdded event) {
        library = event.library();
        titles.put(event.responseId(), key(event.title()));
    }

    @EventSourcingHandler
    void on(CannedResponseEdited event) {
        library = event.library();
        titles.put(event.responseId(), key(event.title()));
    }

    @EventSourcingHandler
    void on(CannedResponseRemoved event) {
        titles.remove(event.responseId());
    }
}
