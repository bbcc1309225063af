package uk.police.bluelamp.casework.evidence;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Service;
import uk.police.bluelamp.messages.casefile.MessageAuthor;
import uk.police.bluelamp.messages.casefile.command.AttachEvidence;
import uk.police.bluelamp.messages.casefile.event.CaseOpened;
import uk.police.bluelamp.messages.casefile.event.ContactAddedToCase;
import uk.police.bluelamp.messages.casefile.event.EvidenceAttached;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.platform.command.Commands;
import uk.police.bluelamp.platform.evidence.EvidenceStore;
import uk.police.bluelamp.platform.evidence.FileTypes;

/**
 * The files of a case: those the citizen sent with the report or from the tracking page, and those
 * sent in any chat that became part of the case. Read from the events, which hold each file's name,
 * type, size and SHA-256; the bytes are in the evidence store.
 */
@Service
public class CaseEvidence {

    /** One file as staff see it listed; the citizen sees only their own name and size. */
    @Schema(name = "CaseFile")
    public record CaseFile(
            @Schema(requiredMode = REQUIRED, format = "uuid")
            String evidenceId,

            @Schema(requiredMode = REQUIRED) String fileName,
            @Schema(requiredMode = REQUIRED) String mediaType,
            @Schema(requiredMode = REQUIRED) long sizeBytes,

            @Schema(requiredMode = REQUIRED, description = "SHA-256 of the file as received, in hex")
            String sha256,

            @Schema(requiredMode = REQUIRED, implementation = MessageAuthor.class)
            String from,

            @Schema(description = "The chat it was sent in, when it was")
            String contactId,

            @Schema(requiredMode = REQUIRED) boolean previewable,
            @Schema(requiredMode = REQUIRED) Instant at) {}

    private final EventStore eventStore;
    private final EvidenceStore store;
    private final Commands commands;
    private final Clock clock;

    CaseEvidence(EventStore eventStore, EvidenceStore store, Commands commands, Clock clock) {
        this.eventStore = eventStore;
        this.store = store;
        this.commands = commands;
        this.clock = clock;
    }

    /** A file from the citizen, who has shown the case's tracking code. */
    public CaseFile fromCitizen(String reference, String name, long declaredLength, InputStream body) {
        EvidenceStore.Received received = store.receive(
                reference,
                name,
                declaredLength,
                body,
                file -> commands.send(
                        new AttachEvidence(
                                reference,
                                file.evidenceId(),
                                MessageAuthor.CITIZEN,
                                null,
                                file.fileName(),
                                file.mediaType(),
                                file.sizeBytes(),
                                file.sha256(),
                                clock.instant().truncatedTo(ChronoUnit.MICROS)),
                        "citizen",
                        Channel.WEB));
        return new CaseFile(
                received.evidenceId(),
                received.fileName(),
                received.mediaType(),
                received.sizeBytes(),
                received.sha256(),
                MessageAuthor.CITIZEN.name(),
                null,
                FileTypes.previewable(received.mediaType()),
                clock.instant());
    }

    /** What the citizen sent to the case itself, oldest first. */
    public List<CaseFile> sentToCase(String reference) {
        return eventStore
                .readEvents(reference, 0)
                .asStream()
                .map(DomainEventMessage::getPayload)
                .filter(EvidenceAttached.class::isInstance)
                .map(EvidenceAttached.class::cast)
                .map(CaseEvidence::file)
                .toList();
    }

    /** Every file of the case and of its contacts, oldest first. */
    List<CaseFile> all(String reference) {
        List<CaseFile> files = new ArrayList<>();
        Set<String> contacts = new LinkedHashSet<>();
        eventStore
                .readEvents(reference, 0)
                .asStream()
                .map(DomainEventMessage::getPayload)
                .forEach(payload -> {
                    if (payload instanceof EvidenceAttached attached) {
                        files.add(file(attached));
                    } else if (payload instanceof CaseOpened opened) {
                        contacts.add(opened.contactId());
                    } else if (payload instanceof ContactAddedToCase added) {
                        contacts.add(added.contactId());
                    }
                });
        for (String contact : contacts) {
            eventStore
                    .readEvents(contact, 0)
                    .asStream()
                    .map(DomainEventMessage::getPayload)
                    .filter(uk.police.bluelamp.messages.contact.event.EvidenceAttached.class::isInstance)
                    .map(uk.police.bluelamp.messages.contact.event.EvidenceAttached.class::cast)
                    .forEach(sent -> files.add(new CaseFile(
                            sent.evidenceId(),
                            sent.fileName(),
                            sent.mediaType(),
                            sent.sizeBytes(),
                            sent.sha256(),
                            sent.author().name().equals("HANDLER") ? "HANDLER" : "CITIZEN",
                            sent.contactId(),
                            FileTypes.previewable(sent.mediaType()),
                            sent.at())));
        }
        files.sort(Comparator.comparing(CaseFile::at));
        return files;
    }

    /** The case's own stream and those of its contacts: where its files may be stored. */
    boolean belongs(String reference, EvidenceStore.StoredFile file) {
        return all(reference).stream().anyMatch(f -> f.evidenceId().equals(file.evidenceId()));
    }

    private static CaseFile file(EvidenceAttached attached) {
        return new CaseFile(
                attached.evidenceId(),
                attached.fileName(),
                attached.mediaType(),
                attached.sizeBytes(),
                attached.sha256(),
                attached.from().name(),
                null,
                FileTypes.previewable(attached.mediaType()),
                attached.at());
    }
}
