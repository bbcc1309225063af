package uk.police.bluelamp.contact.outcome;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import uk.police.bluelamp.contact.queue.QueueItem;
import uk.police.bluelamp.contact.queue.QueueReads;
import uk.police.bluelamp.messages.casefile.CaseReferenceFormat;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.casefile.UpdateFrequency;
import uk.police.bluelamp.messages.casefile.UpdatePreference;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ReportCategory;
import uk.police.bluelamp.messages.text.MultiLine;
import uk.police.bluelamp.platform.web.FieldError;
import uk.police.bluelamp.platform.web.Fields;
import uk.police.bluelamp.platform.web.InvalidRequest;

@RestController
class ContactOutcomeController {

    /** Until the citizen says otherwise, a phone-opened case is updated on the tracking page, at each key decision. */
    static final UpdatePreference DEFAULT_UPDATES =
            new UpdatePreference(UpdateChannel.ONLINE, UpdateFrequency.KEY_DECISIONS);

    static final int MAX_SUMMARY = 2000;
    static final int MAX_CASE_REFERENCE = 20;
    /** Matched once the reference is in capitals. */
    static final String CASE_REFERENCE = CaseReferenceFormat.PATTERN;

    private final ContactOutcome outcomes;
    private final QueueReads queue;

    ContactOutcomeController(ContactOutcome outcomes, QueueReads queue) {
        this.outcomes = outcomes;
        this.queue = queue;
    }

    @Schema(description = "updateChannel and updateFrequency go together: give both or neither")
    record SummaryRequest(
            @Schema(requiredMode = REQUIRED, implementation = ReportCategory.class)
            String category,

            @Schema(requiredMode = REQUIRED, maxLength = MAX_SUMMARY) @MultiLine
            String summary,

            @Schema(maxLength = MAX_CASE_REFERENCE, pattern = CASE_REFERENCE)
            String caseReference,

            @Schema(implementation = UpdateChannel.class) String updateChannel,
            @Schema(implementation = UpdateFrequency.class) String updateFrequency) {}

    @PostMapping("/api/v1/staff/contacts/{contactId}/summary")
    ContactOutcome.Recorded summary(
            @PathVariable String contactId, @RequestBody SummaryRequest request, Authentication staff) {
        List<FieldError> errors = new ArrayList<>();
        ReportCategory category =
                parse(ReportCategory.class, request.category(), "category", "Select what it was about", errors);
        String summary =
                Fields.required(request.summary(), "summary", "Enter what the contact was about", MAX_SUMMARY, errors);
        String reference = Fields.optional(request.caseReference(), "caseReference", MAX_CASE_REFERENCE, errors);
        if (reference != null) {
            reference = reference.toUpperCase(Locale.ROOT);
            if (!reference.matches(CASE_REFERENCE)) {
                errors.add(new FieldError("caseReference", "Enter a case reference like BL-2026-000123"));
            }
        }
        UpdatePreference updates = DEFAULT_UPDATES;
        if (request.updateChannel() != null || request.updateFrequency() != null) {
            updates = new UpdatePreference(
                    parse(
                            UpdateChannel.class,
                            request.updateChannel(),
                            "updateChannel",
                            "Select how they want updates",
                            errors),
                    parse(
                            UpdateFrequency.class,
                            request.updateFrequency(),
                            "updateFrequency",
                            "Select how often",
                            errors));
        }
        Fields.throwIfAny(errors);
        QueueItem item =
                queue.item(contactId).orElseThrow(() -> InvalidRequest.of("contactId", "There is no such contact"));
        Channel channel = Channel.valueOf(item.channel());
        // A contact already in a case joins it unless the handler names another (which the contact refuses).
        String joining = reference != null ? reference : item.reference();
        try {
            return outcomes.record(contactId, channel, category, summary, joining, updates, staff.getName());
        } catch (AggregateNotFoundException unknownCase) {
            throw InvalidRequest.of("caseReference", "There is no case with that reference");
        }
    }

    private static <E extends Enum<E>> E parse(
            Class<E> type, String value, String field, String message, List<FieldError> errors) {
        try {
            return Enum.valueOf(type, String.valueOf(value).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, message));
            return null;
        }
    }
}
