package uk.police.bluelamp.audit.erasure;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import uk.police.bluelamp.messages.privacy.LegalBasis;

/**
 * Everything held about a person (SubjectAccess). The rows keep their column names and their
 * times stay SQL timestamps, as the export has always written them: people and the HTML page
 * (SubjectAccessPage) read them so.
 */
@Schema(name = "SubjectAccessExport")
record SubjectAccessExport(
        @Schema(requiredMode = REQUIRED) String subjectId,
        @Schema(requiredMode = REQUIRED) Set<String> subjects,
        @Schema(requiredMode = REQUIRED) boolean erased,

        @Schema(description = "The first erasure, if any") ErasureHeld erasure,

        @Schema(requiredMode = REQUIRED) List<ErasureHeld> erasures,
        @Schema(requiredMode = REQUIRED) List<String> contactsAndCases,
        @Schema(requiredMode = REQUIRED) List<Event> events,
        @Schema(requiredMode = REQUIRED) List<Look> viewedBy,

        @Schema(description = "Present while the read models are still being scrubbed of an erasure")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String scrubPending,

        @Schema(requiredMode = REQUIRED, description = "Each table's rows that name one of the contacts or cases")
        Map<String, List<JsonNode>> records) {

    @Schema(name = "SubjectAccessErasure")
    record ErasureHeld(
            @Schema(requiredMode = REQUIRED) @JsonProperty("erasure_id")
            UUID erasureId,

            @Schema(requiredMode = REQUIRED) @JsonProperty("subject_id")
            String subjectId,

            @Schema(requiredMode = REQUIRED) @JsonProperty("legal_basis")
            LegalBasis legalBasis,

            @Schema(requiredMode = REQUIRED) String reason,

            @Schema(requiredMode = REQUIRED) @JsonProperty("approved_by")
            String approvedBy,

            @Schema(requiredMode = REQUIRED) @JsonProperty("erased_at")
            Timestamp erasedAt) {}

    /** One of their events, decrypted. */
    @Schema(name = "SubjectAccessEvent")
    record Event(
            @Schema(requiredMode = REQUIRED) String eventId,
            @Schema(requiredMode = REQUIRED) String stream,
            @Schema(requiredMode = REQUIRED) String type,
            @Schema(requiredMode = REQUIRED) Instant occurredAt,

            @Schema(
                    requiredMode = REQUIRED,
                    types = {"object"},
                    additionalProperties = Schema.AdditionalPropertiesValue.TRUE,
                    description = "The event as stored, decrypted")
            JsonNode payload) {}

    /** A look at their records, from the access log. */
    @Schema(name = "SubjectAccessLook")
    record Look(
            @Schema(requiredMode = REQUIRED) String viewer,
            @Schema(requiredMode = REQUIRED) String view,
            String reason,

            @Schema(requiredMode = REQUIRED) @JsonProperty("viewed_at")
            Timestamp viewedAt,

            @Schema(requiredMode = REQUIRED) @JsonProperty("subject_type")
            String subjectType,

            @Schema(requiredMode = REQUIRED) @JsonProperty("subject_id")
            String subjectId) {}
}
