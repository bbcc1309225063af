package uk.police.bluelamp.casework.tracking;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import uk.police.bluelamp.messages.casefile.CaseStatus;
import uk.police.bluelamp.messages.casefile.MessageAuthor;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.casefile.UpdateFrequency;
import uk.police.bluelamp.messages.contact.ReportCategory;

/** What a citizen holding the reference and tracking code may see. */
record TrackingView(
        @Schema(requiredMode = REQUIRED) String reference,

        @Schema(requiredMode = REQUIRED, implementation = CaseStatus.class)
        String status,

        @Schema(requiredMode = REQUIRED) String statusLabel,

        @Schema(requiredMode = REQUIRED, implementation = ReportCategory.class)
        String category,

        @Schema(requiredMode = REQUIRED) String categoryLabel,
        @Schema(requiredMode = REQUIRED) Instant reportedAt,
        Instant nextUpdateDue,

        @Schema(requiredMode = REQUIRED, implementation = UpdateChannel.class)
        String updateChannel,

        @Schema(requiredMode = REQUIRED, implementation = UpdateFrequency.class)
        String updateFrequency,

        @Schema(requiredMode = REQUIRED) List<TimelineEntry> timeline,
        @Schema(requiredMode = REQUIRED) List<Message> messages,

        @Schema(
                description =
                        "What the citizen wrote in the web report that opened the case; absent for a case opened on a call")
        Reported reported,

        @Schema(requiredMode = REQUIRED) OfferRequests.Offers offers,

        @Schema(requiredMode = REQUIRED, description = "The files the citizen has sent, oldest first")
        List<SentFile> files) {

    /** A file the citizen sent: its name and size, to show it arrived. */
    @Schema(name = "TrackingFile")
    record SentFile(
            @Schema(requiredMode = REQUIRED) String fileName,
            @Schema(requiredMode = REQUIRED) long sizeBytes,
            @Schema(requiredMode = REQUIRED) Instant at) {}

    /** The report as the citizen gave it. */
    @Schema(name = "TrackingReported")
    record Reported(
            @Schema(requiredMode = REQUIRED) String description,
            @Schema(requiredMode = REQUIRED) String location,
            @Schema(requiredMode = REQUIRED) LocalDate occurredOn,
            String occurredTime) {}

    /** Worded by the page from kind and args in the citizen's language; title and detail are the English. */
    record TimelineEntry(
            @Schema(requiredMode = REQUIRED) Instant at,
            @Schema(requiredMode = REQUIRED) String title,
            String detail,

            @Schema(
                    implementation = PublicTimeline.TimelineKind.class,
                    description = "What the entry is; absent on entries from before kinds were kept")
            String kind,

            @Schema(
                    requiredMode = REQUIRED,
                    description =
                            "The values its words need: a channel; a status, and a team when referred; a crime number")
            List<String> args) {}

    /** A secure message between the citizen and the handler. */
    @Schema(name = "CaseMessage")
    record Message(
            @Schema(requiredMode = REQUIRED, format = "uuid")
            String id,

            @Schema(requiredMode = REQUIRED, implementation = MessageAuthor.class)
            String from,

            @Schema(requiredMode = REQUIRED) String text,
            @Schema(requiredMode = REQUIRED) Instant at) {}
}
