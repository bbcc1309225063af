package uk.police.bluelamp.casework.tracking;

import java.time.Instant;
import java.util.List;

/** What a citizen holding the reference and tracking code may see. */
record TrackingView(
        String reference,
        String status,
        String statusLabel,
        String category,
        String categoryLabel,
        Instant reportedAt,
        Instant nextUpdateDue,
        String updateChannel,
        String updateFrequency,
        List<TimelineEntry> timeline,
        List<Message> messages) {

    record TimelineEntry(Instant at, String title, String detail) {
    }

    /** A secure message between the citizen and the handler; "from" is CITIZEN or HANDLER. */
    record Message(String id, String from, String text, Instant at) {
    }
}
