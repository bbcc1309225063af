package uk.police.bluelamp.casework.casefile;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.police.bluelamp.messages.casefile.CaseReferenceFormat;
import uk.police.bluelamp.messages.contact.ContactDetailsToMatch;
import uk.police.bluelamp.messages.contact.query.FindContactDetailsToMatch;
import uk.police.bluelamp.platform.access.AccessLog;
import uk.police.bluelamp.platform.access.AsksReason;
import uk.police.bluelamp.platform.web.InvalidRequest;

/** One case per matter: the cases that may be duplicates of this one, and linking two cases. */
@RestController
class CaseLinksController {

    static final String REFERENCE = CaseReferenceFormat.PATTERN;

    private final PossibleDuplicates duplicates;
    private final CaseLinks links;
    private final AccessLog accessLog;
    private final QueryGateway queries;

    CaseLinksController(PossibleDuplicates duplicates, CaseLinks links, AccessLog accessLog, QueryGateway queries) {
        this.duplicates = duplicates;
        this.queries = queries;
        this.links = links;
        this.accessLog = accessLog;
    }

    record LinkRequest(
            @Schema(requiredMode = REQUIRED, maxLength = TextLimits.NAME, pattern = REFERENCE)
            String reference) {}

    /** Each case listed is in the access log, as a search result would be. */
    @GetMapping("/api/v1/staff/cases/{reference}/possible-duplicates")
    @AsksReason
    List<PossibleDuplicates.PossibleCase> possibleDuplicates(@PathVariable String reference) {
        List<PossibleDuplicates.PossibleCase> found = duplicates.of(CaseController.ref(reference));
        accessLog.rowsListed("possible duplicates", references(found), List.of());
        return found;
    }

    /**
     * Before a handler opens a case from a contact. The earlier contacts from the same number,
     * through which some cases were found, are in the access log with the cases.
     */
    @GetMapping("/api/v1/staff/contacts/{contactId}/possible-cases")
    @AsksReason
    ResponseEntity<List<PossibleDuplicates.PossibleCase>> possibleCases(@PathVariable String contactId) {
        Optional<ContactDetailsToMatch> contact = queries.query(
                        new FindContactDetailsToMatch(contactId),
                        ResponseTypes.optionalInstanceOf(ContactDetailsToMatch.class))
                .join();
        if (contact.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        List<PossibleDuplicates.PossibleCase> found = duplicates.of(contact.get());
        accessLog.rowsListed("possible cases", references(found), contact.get().earlierContactsFromThePhone());
        return ResponseEntity.ok(found);
    }

    private static List<String> references(List<PossibleDuplicates.PossibleCase> found) {
        return found.stream().map(PossibleDuplicates.PossibleCase::reference).toList();
    }

    @PostMapping("/api/v1/staff/cases/{reference}/links")
    ResponseEntity<Void> link(@PathVariable String reference, @RequestBody LinkRequest request, Authentication staff) {
        String ref = CaseController.ref(reference);
        String other =
                request.reference() == null ? "" : request.reference().strip().toUpperCase(Locale.ROOT);
        if (!other.matches(REFERENCE)) {
            throw InvalidRequest.of("reference", "Enter a case reference like BL-2026-000123");
        }
        if (other.equals(ref)) {
            throw InvalidRequest.of("reference", "Enter the reference of another case");
        }
        try {
            links.link(ref, other, staff.getName());
        } catch (AggregateNotFoundException unknown) {
            if (other.equals(unknown.getAggregateIdentifier())) {
                throw InvalidRequest.of("reference", CaseErrors.NO_SUCH_CASE);
            }
            throw unknown;
        }
        return ResponseEntity.noContent().build();
    }
}
