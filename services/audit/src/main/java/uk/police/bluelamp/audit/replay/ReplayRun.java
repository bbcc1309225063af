package uk.police.bluelamp.audit.replay;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import uk.police.bluelamp.audit.replay.ShadowTables.Comparison;

/**
 * One rebuild of a read model, as replay_run holds it. QUEUED: a scrub after an erasure waiting
 * its turn; CANCELLED: stopped by its starter, an admin or an erasure. A SCRUB removes an erased
 * person's data and cannot be cancelled.
 */
@Schema(name = "Replay")
record ReplayRun(
        @Schema(requiredMode = REQUIRED, format = "uuid") String id,
        @Schema(requiredMode = REQUIRED) String readModel,
        @Schema(requiredMode = REQUIRED) String requestedBy,
        @Schema(requiredMode = REQUIRED) Instant startedAt,
        Instant finishedAt,

        @Schema(
                requiredMode = REQUIRED,
                allowableValues = {"QUEUED", "RUNNING", "COMPLETED", "FAILED", "CANCELLED"})
        String state,

        @Schema(
                requiredMode = REQUIRED,
                allowableValues = {"REBUILD", "SCRUB", "BACKFILL"},
                description = "An auditor's rebuild, the scrub of an erasure, or a new read model's first fill")
        String kind,

        @Schema(requiredMode = REQUIRED) long eventsDone,
        @Schema(requiredMode = REQUIRED) long eventsTotal,
        @Schema(requiredMode = REQUIRED) long eventsPerSecond,

        @Schema(requiredMode = REQUIRED, description = "Each table's comparison, once the rebuild has finished")
        List<Comparison> tables,

        String error) {

    boolean scrub() {
        return Replays.SCRUB.equals(kind);
    }

    boolean backFill() {
        return Replays.BACK_FILL.equals(kind);
    }
}
