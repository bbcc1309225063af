package uk.police.bluelamp.casework.casefile;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import uk.police.bluelamp.messages.casefile.CaseStatus;
import uk.police.bluelamp.messages.casefile.DeliveryStatus;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.casefile.UpdateFrequency;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ReportCategory;

/** The handler's case view, from the case-view tables (CaseViewProjection), judged at a moment. */
@Schema(name = "CaseView")
record CaseView(
        @Schema(requiredMode = REQUIRED) String reference,

        @Schema(requiredMode = REQUIRED, implementation = CaseStatus.class)
        String status,

        @Schema(requiredMode = REQUIRED) String statusLabel,

        @Schema(requiredMode = REQUIRED, implementation = ReportCategory.class)
        String category,

        @Schema(requiredMode = REQUIRED) String categoryLabel,
        @Schema(requiredMode = REQUIRED) Instant openedAt,
        String assignedTo,
        String team,
        @Schema(requiredMode = REQUIRED) boolean enhancedRights,

        @Schema(
                requiredMode = REQUIRED,
                description = "Nothing is sent to the citizen unprompted (no satisfaction question)")
        boolean unsafeToContact,

        @Schema(requiredMode = REQUIRED, implementation = UpdateChannel.class)
        String updateChannel,

        @Schema(requiredMode = REQUIRED, implementation = UpdateFrequency.class)
        String updateFrequency,

        @Schema(requiredMode = REQUIRED) Instant nextUpdateDue,
        @Schema(requiredMode = REQUIRED) boolean updateOverdue,
        Instant keyDecisionDue,
        @Schema(requiredMode = REQUIRED) boolean keyDecisionOverdue,
        @Schema(requiredMode = REQUIRED) CrimeDecision crimeDecision,
        @Schema(requiredMode = REQUIRED) Retention retention,
        @Schema(requiredMode = REQUIRED) List<HistoryEntry> history,
        @Schema(requiredMode = REQUIRED) List<LinkedContact> contacts,
        @Schema(requiredMode = REQUIRED) List<LinkedCase> linkedCases,
        @Schema(requiredMode = REQUIRED) List<CaseMessages.Message> messages,
        @Schema(requiredMode = REQUIRED) List<Delivery> deliveries) {

    /** Whether the report was recorded as a crime, and when that decision falls due. */
    @Schema(name = "CrimeDecision")
    record CrimeDecision(
            @Schema(requiredMode = REQUIRED) boolean decided,
            Boolean recorded,
            String crimeNumber,
            String reason,
            Instant due,
            @Schema(requiredMode = REQUIRED) boolean overdue) {}

    /** No state until a review is scheduled. */
    @Schema(name = "CaseRetention")
    record Retention(
            @Schema(allowableValues = {"SCHEDULED", "DUE", "DISPOSED"})
            String state,

            Instant reviewDue) {}

    /** INTERNAL entries never reach the citizen. */
    @Schema(name = "CaseHistoryEntry")
    record HistoryEntry(
            @Schema(requiredMode = REQUIRED) Instant at,

            @Schema(requiredMode = REQUIRED, description = "The event's simple class name")
            String type,

            @Schema(requiredMode = REQUIRED) String title,
            String detail,
            String actor,

            @Schema(
                    requiredMode = REQUIRED,
                    allowableValues = {"PUBLIC", "INTERNAL"})
            String visibility) {}

    @Schema(name = "CaseLinkedContact")
    record LinkedContact(
            @Schema(requiredMode = REQUIRED) String contactId,

            @Schema(requiredMode = REQUIRED, implementation = Channel.class)
            String channel,

            @Schema(requiredMode = REQUIRED) Instant at,
            String summary) {}

    /** Another case about the same matter, linked by a handler. */
    @Schema(name = "CaseLinkedCase")
    record LinkedCase(
            @Schema(requiredMode = REQUIRED) String reference,
            @Schema(requiredMode = REQUIRED) String by,
            @Schema(requiredMode = REQUIRED) Instant at) {}

    /** How one public update reached (or failed to reach) the citizen. */
    @Schema(name = "CaseDelivery")
    record Delivery(
            @Schema(requiredMode = REQUIRED) String updateId,

            @Schema(requiredMode = REQUIRED, implementation = UpdateChannel.class)
            String channel,

            @Schema(requiredMode = REQUIRED, implementation = DeliveryStatus.class)
            String status,

            @Schema(requiredMode = REQUIRED) int attempts,
            @Schema(requiredMode = REQUIRED) Instant at,
            String error) {}
}
