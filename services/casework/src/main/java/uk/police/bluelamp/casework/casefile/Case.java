package uk.police.bluelamp.casework.casefile;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import uk.police.bluelamp.messages.casefile.AddContactToCase;
import uk.police.bluelamp.messages.casefile.CaseOpened;
import uk.police.bluelamp.messages.casefile.CaseTriaged;
import uk.police.bluelamp.messages.casefile.ContactAddedToCase;
import uk.police.bluelamp.messages.casefile.TriageCase;
import uk.police.bluelamp.messages.casefile.CaseStatus;
import uk.police.bluelamp.messages.casefile.OpenCase;

/** A matter the force works on behalf of a citizen, opened from one or more contacts. */
@Aggregate
class Case {

    @AggregateIdentifier
    private String reference;
    private CaseStatus status;

    Case() {
        // for event sourcing
    }

    @CommandHandler
    Case(OpenCase command, TrackingCodeHasher hasher) {
        requirePresent(command.reference(), "reference");
        requirePresent(command.contactId(), "contactId");
        requirePresent(command.trackingCode(), "trackingCode");
        Objects.requireNonNull(command.channel(), "channel is required");
        Objects.requireNonNull(command.category(), "category is required");
        Objects.requireNonNull(command.updatePreference(), "updatePreference is required");
        Objects.requireNonNull(command.openedAt(), "openedAt is required");
        apply(new CaseOpened(
                command.reference(),
                command.contactId(),
                command.channel(),
                command.category(),
                hasher.hash(command.reference(), command.trackingCode()),
                command.updatePreference(),
                command.openedAt(),
                command.updatePreference().nextUpdateDue(command.openedAt())));
    }

    @CommandHandler
    void handle(TriageCase command) {
        Objects.requireNonNull(command.triage(), "triage is required");
        Objects.requireNonNull(command.triage().grade(), "grade is required");
        requirePresent(command.triage().rationale(), "rationale");
        apply(new CaseTriaged(reference, command.triage(), command.by(), command.at()));
    }

    @CommandHandler
    void handle(AddContactToCase command) {
        requirePresent(command.contactId(), "contactId");
        apply(new ContactAddedToCase(reference, command.contactId(), command.channel(), command.summary(), command.by(),
                command.at()));
    }

    @EventSourcingHandler
    void on(CaseOpened event) {
        reference = event.reference();
        status = CaseStatus.RECEIVED;
    }

    private static void requirePresent(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
