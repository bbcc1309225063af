package uk.police.bluelamp.casework.tracking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import uk.police.bluelamp.messages.casefile.CaseStatus;
import uk.police.bluelamp.messages.casefile.event.CaseOpened;
import uk.police.bluelamp.messages.casefile.event.CaseReopened;
import uk.police.bluelamp.messages.casefile.event.CaseStatusChanged;
import uk.police.bluelamp.messages.casefile.event.PublicUpdatePublished;
import uk.police.bluelamp.messages.casefile.event.UpdatePreferenceChanged;

/**
 * A case's tracking view read straight from its events, for a case the projection has not
 * reached: its processor may be paused by a rebuild or between nodes in a takeover, and the
 * citizen who tracks from the confirmation page must still find their case. The same fold as
 * {@link TrackingProjection}, kept in memory.
 */
final class TrackedCase {

    record Folded(
            String reference,
            String status,
            String category,
            Instant reportedAt,
            Instant nextUpdateDue,
            String updateChannel,
            String updateFrequency,
            String trackingCodeHash,
            List<PublicTimeline.Entry> timeline) {}

    private TrackedCase() {}

    static Optional<Folded> fold(Iterator<? extends EventMessage<?>> events) {
        Folded folded = null;
        List<PublicTimeline.Entry> timeline = new ArrayList<>();
        while (events.hasNext()) {
            Object event = events.next().getPayload();
            if (event instanceof CaseOpened opened) {
                folded = new Folded(
                        opened.reference(),
                        CaseStatus.RECEIVED.name(),
                        opened.category().name(),
                        opened.openedAt(),
                        opened.nextUpdateDue(),
                        opened.updatePreference().channel().name(),
                        opened.updatePreference().frequency().name(),
                        opened.trackingCodeHash(),
                        timeline);
            } else if (folded != null) {
                folded = apply(folded, event);
            }
            PublicTimeline.entry(event).ifPresent(timeline::add);
        }
        timeline.sort(Comparator.comparing(PublicTimeline.Entry::at));
        return Optional.ofNullable(folded);
    }

    private static Folded apply(Folded c, Object event) {
        if (event instanceof CaseStatusChanged changed) {
            return withStatus(c, changed.to());
        }
        if (event instanceof CaseReopened) {
            return withStatus(c, CaseStatus.UNDER_REVIEW);
        }
        if (event instanceof PublicUpdatePublished update) {
            return new Folded(
                    c.reference(),
                    c.status(),
                    c.category(),
                    c.reportedAt(),
                    update.nextUpdateDue(),
                    c.updateChannel(),
                    c.updateFrequency(),
                    c.trackingCodeHash(),
                    c.timeline());
        }
        if (event instanceof UpdatePreferenceChanged changed) {
            return new Folded(
                    c.reference(),
                    c.status(),
                    c.category(),
                    c.reportedAt(),
                    changed.nextUpdateDue(),
                    changed.preference().channel().name(),
                    changed.preference().frequency().name(),
                    c.trackingCodeHash(),
                    c.timeline());
        }
        return c;
    }

    private static Folded withStatus(Folded c, CaseStatus status) {
        return new Folded(
                c.reference(),
                status.name(),
                c.category(),
                c.reportedAt(),
                c.nextUpdateDue(),
                c.updateChannel(),
                c.updateFrequency(),
                c.trackingCodeHash(),
                c.timeline());
    }
}
