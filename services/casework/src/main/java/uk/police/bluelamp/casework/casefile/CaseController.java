package uk.police.bluelamp.casework.casefile;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.police.bluelamp.messages.casefile.CaseStatus;
import uk.police.bluelamp.messages.casefile.MessageAuthor;
import uk.police.bluelamp.messages.casefile.command.AddInternalNote;
import uk.police.bluelamp.messages.casefile.command.AssignCase;
import uk.police.bluelamp.messages.casefile.command.ChangeCaseStatus;
import uk.police.bluelamp.messages.casefile.command.PostCaseMessage;
import uk.police.bluelamp.messages.casefile.command.PublishUpdate;
import uk.police.bluelamp.messages.casefile.command.RecordCrimeDecision;
import uk.police.bluelamp.messages.casefile.command.ReopenCase;
import uk.police.bluelamp.messages.casefile.command.SetEnhancedRights;
import uk.police.bluelamp.messages.casefile.command.SetUnsafeToContact;
import uk.police.bluelamp.messages.contact.query.FindStaffMember;
import uk.police.bluelamp.messages.text.MultiLine;
import uk.police.bluelamp.platform.command.Commands;
import uk.police.bluelamp.platform.web.InvalidRequest;

/** A handler's actions on a case. Reads are in CaseReadController. */
@RestController
class CaseController {

    private final Commands commands;
    private final Clock clock;
    private final QueryGateway queries;

    CaseController(Commands commands, Clock clock, QueryGateway queries) {
        this.commands = commands;
        this.clock = clock;
        this.queries = queries;
    }

    @Schema(minProperties = 1, description = "Give a handler, a team or both")
    record AssignRequest(
            @Schema(maxLength = TextLimits.NAME) String handler,
            @Schema(maxLength = TextLimits.NAME) String team) {}

    record NoteRequest(
            @Schema(requiredMode = REQUIRED, maxLength = TextLimits.TEXT) @MultiLine
            String text) {}

    /** A case message is shorter than a note: the citizen reads it on the tracking page. */
    @Schema(name = "HandlerMessageRequest")
    record MessageRequest(
            @Schema(requiredMode = REQUIRED, maxLength = Case.MAX_MESSAGE) @MultiLine
            String text) {}

    record UpdateRequest(
            @Schema(requiredMode = REQUIRED, maxLength = TextLimits.TEXT) @MultiLine
            String text,

            boolean keyDecision) {}

    @Schema(name = "CaseStatusRequest", description = "A referral names its team")
    record StatusRequest(
            @Schema(requiredMode = REQUIRED, implementation = CaseStatus.class)
            String status,

            @Schema(maxLength = TextLimits.NAME) String team,
            @Schema(maxLength = TextLimits.TEXT) @MultiLine String note) {}

    record ReopenRequest(
            @Schema(requiredMode = REQUIRED, maxLength = TextLimits.TEXT) @MultiLine
            String reason) {}

    @Schema(description = "A crime recorded has its crimeNumber; one not recorded, its reason")
    record CrimeDecisionRequest(
            @Schema(requiredMode = REQUIRED) Boolean recorded,
            @Schema(maxLength = TextLimits.CRIME_NUMBER) String crimeNumber,
            @Schema(maxLength = TextLimits.TEXT) @MultiLine String reason) {}

    record EnhancedRightsRequest(
            @Schema(requiredMode = REQUIRED) boolean enhanced) {}

    record UnsafeToContactRequest(
            @Schema(requiredMode = REQUIRED) boolean unsafe) {}

    /** The handler's message as the case view will list it. */
    @Schema(name = "PostedCaseMessage")
    record PostedMessage(
            @Schema(requiredMode = REQUIRED, format = "uuid")
            String id,

            @Schema(requiredMode = REQUIRED, implementation = MessageAuthor.class)
            String from,

            @Schema(requiredMode = REQUIRED) String text,
            @Schema(requiredMode = REQUIRED) Instant at) {}

    @PostMapping("/api/v1/staff/cases/{reference}/assign")
    ResponseEntity<Void> assign(
            @PathVariable String reference, @RequestBody AssignRequest request, Authentication staff) {
        TextLimits.check()
                .field("handler", request.handler(), TextLimits.NAME)
                .field("team", request.team(), TextLimits.NAME)
                .orThrow();
        if (request.handler() != null && !request.handler().isBlank() && !isStaff(request.handler())) {
            throw InvalidRequest.of(
                    "handler",
                    "There is no member of staff with that username. A handler appears here once they have signed in"
                            + " and set their availability");
        }
        return done(
                new AssignCase(ref(reference), request.handler(), request.team(), staff.getName(), clock.instant()),
                staff);
    }

    @PostMapping("/api/v1/staff/cases/{reference}/notes")
    ResponseEntity<Void> note(@PathVariable String reference, @RequestBody NoteRequest request, Authentication staff) {
        TextLimits.check().field("text", request.text(), TextLimits.TEXT).orThrow();
        return done(new AddInternalNote(ref(reference), request.text(), staff.getName(), clock.instant()), staff);
    }

    @PostMapping("/api/v1/staff/cases/{reference}/updates")
    ResponseEntity<Void> update(
            @PathVariable String reference, @RequestBody UpdateRequest request, Authentication staff) {
        TextLimits.check().field("text", request.text(), TextLimits.TEXT).orThrow();
        return done(
                new PublishUpdate(
                        ref(reference),
                        UUID.randomUUID().toString(),
                        request.text(),
                        request.keyDecision(),
                        staff.getName(),
                        clock.instant()),
                staff);
    }

    @PostMapping("/api/v1/staff/cases/{reference}/status")
    ResponseEntity<Void> status(
            @PathVariable String reference, @RequestBody StatusRequest request, Authentication staff) {
        TextLimits.check()
                .field("team", request.team(), TextLimits.NAME)
                .field("note", request.note(), TextLimits.TEXT)
                .orThrow();
        CaseStatus status;
        try {
            status = CaseStatus.valueOf(String.valueOf(request.status()).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Choose a status");
        }
        return done(
                new ChangeCaseStatus(
                        ref(reference), status, request.team(), request.note(), staff.getName(), clock.instant()),
                staff);
    }

    @PostMapping("/api/v1/staff/cases/{reference}/reopen")
    ResponseEntity<Void> reopen(
            @PathVariable String reference, @RequestBody ReopenRequest request, Authentication staff) {
        TextLimits.check().field("reason", request.reason(), TextLimits.TEXT).orThrow();
        return done(new ReopenCase(ref(reference), request.reason(), staff.getName(), clock.instant()), staff);
    }

    @PostMapping("/api/v1/staff/cases/{reference}/crime-decision")
    ResponseEntity<Void> crimeDecision(
            @PathVariable String reference, @RequestBody CrimeDecisionRequest request, Authentication staff) {
        TextLimits.check()
                .field("crimeNumber", request.crimeNumber(), TextLimits.CRIME_NUMBER)
                .field("reason", request.reason(), TextLimits.TEXT)
                .orThrow();
        if (request.recorded() == null) {
            throw new IllegalArgumentException("Say whether the report is recorded as a crime");
        }
        return done(
                new RecordCrimeDecision(
                        ref(reference),
                        request.recorded(),
                        request.crimeNumber(),
                        request.reason(),
                        staff.getName(),
                        clock.instant()),
                staff);
    }

    @PostMapping("/api/v1/staff/cases/{reference}/enhanced-rights")
    ResponseEntity<Void> enhancedRights(
            @PathVariable String reference, @RequestBody EnhancedRightsRequest request, Authentication staff) {
        return done(new SetEnhancedRights(ref(reference), request.enhanced(), staff.getName(), clock.instant()), staff);
    }

    /** Set when contacting the citizen unprompted could put them at risk: no satisfaction question is sent. */
    @PostMapping("/api/v1/staff/cases/{reference}/unsafe-to-contact")
    ResponseEntity<Void> unsafeToContact(
            @PathVariable String reference, @RequestBody UnsafeToContactRequest request, Authentication staff) {
        return done(new SetUnsafeToContact(ref(reference), request.unsafe(), staff.getName(), clock.instant()), staff);
    }

    @PostMapping("/api/v1/staff/cases/{reference}/messages")
    ResponseEntity<PostedMessage> message(
            @PathVariable String reference, @RequestBody MessageRequest request, Authentication staff) {
        // Checked against the note's limit as before; the aggregate refuses a message over MAX_MESSAGE.
        TextLimits.check().field("text", request.text(), TextLimits.TEXT).orThrow();
        String id = UUID.randomUUID().toString();
        Instant at = clock.instant();
        commands.sendAsStaff(
                new PostCaseMessage(ref(reference), id, MessageAuthor.HANDLER, staff.getName(), request.text(), at),
                staff.getName());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new PostedMessage(
                        id, MessageAuthor.HANDLER.name(), request.text().strip(), at));
    }

    private boolean isStaff(String username) {
        return queries.query(new FindStaffMember(username.strip()), ResponseTypes.optionalInstanceOf(String.class))
                .join()
                .isPresent();
    }

    private ResponseEntity<Void> done(Object command, Authentication staff) {
        commands.sendAsStaff(command, staff.getName());
        return ResponseEntity.noContent().build();
    }

    static String ref(String reference) {
        return reference.trim().toUpperCase(Locale.ROOT);
    }
}
