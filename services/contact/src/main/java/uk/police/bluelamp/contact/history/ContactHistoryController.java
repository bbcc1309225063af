package uk.police.bluelamp.contact.history;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import uk.police.bluelamp.contact.history.ContactHistory.OtherContact;
import uk.police.bluelamp.contact.queue.QueueItem;
import uk.police.bluelamp.contact.queue.QueueReads;
import uk.police.bluelamp.messages.casefile.CaseSummary;
import uk.police.bluelamp.platform.access.AccessLog;
import uk.police.bluelamp.platform.access.AsksReason;

/** Beside every contact, whatever its channel: the same person's other contacts and their cases. */
@RestController
class ContactHistoryController {

    private final ContactHistory history;
    private final QueueReads queue;
    private final CasesOfContacts caseSummaries;
    private final AccessLog accessLog;

    ContactHistoryController(
            ContactHistory history, QueueReads queue, CasesOfContacts caseSummaries, AccessLog accessLog) {
        this.history = history;
        this.queue = queue;
        this.caseSummaries = caseSummaries;
        this.accessLog = accessLog;
    }

    record ContactHistoryView(
            @Schema(
                    requiredMode = REQUIRED,
                    description = "Another contact by the same phone or email within the duplicate window")
            boolean repeat,

            @Schema(requiredMode = REQUIRED) List<OtherContact> contacts,
            @Schema(requiredMode = REQUIRED) List<CaseSummary> cases) {}

    @GetMapping("/api/v1/staff/contacts/{contactId}/history")
    @AsksReason
    ResponseEntity<ContactHistoryView> history(@PathVariable String contactId) {
        Optional<QueueItem> item = queue.item(contactId);
        if (item.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        // The same rule as opening the contact itself: someone else's contact needs a reason.
        accessLog.contactOpened(contactId, "contact history", item.get().handler());
        ContactHistory.Found found = history.of(contactId).orElse(new ContactHistory.Found(false, List.of()));
        List<CaseSummary> cases = caseSummaries.of(found.contacts().stream().map(OtherContact::reference));
        if (!found.contacts().isEmpty()) {
            accessLog.rowsListed(
                    "contact history",
                    cases.stream().map(CaseSummary::reference).toList(),
                    found.contacts().stream().map(OtherContact::contactId).toList());
        }
        return ResponseEntity.ok(new ContactHistoryView(found.repeat(), found.contacts(), cases));
    }
}
