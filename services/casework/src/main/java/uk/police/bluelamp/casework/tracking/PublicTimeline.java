package uk.police.bluelamp.casework.tracking;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uk.police.bluelamp.messages.casefile.CaseStatus;
import uk.police.bluelamp.messages.casefile.event.CaseOpened;
import uk.police.bluelamp.messages.casefile.event.CaseReopened;
import uk.police.bluelamp.messages.casefile.event.CaseStatusChanged;
import uk.police.bluelamp.messages.casefile.event.ContactAddedToCase;
import uk.police.bluelamp.messages.casefile.event.CrimeRecorded;
import uk.police.bluelamp.messages.casefile.event.PublicUpdatePublished;
import uk.police.bluelamp.messages.casefile.event.UpdatePreferenceChanged;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.platform.wording.Wording;

/**
 * The entries a citizen sees on their case's timeline, in their words, not ours: the same words
 * from the projection and from a case read straight from its events ({@link TrackedCase}). Each
 * has a kind and the values its words need, so the page words it in the citizen's language
 * (frontend/src/i18n, timeline.*); the English title and detail are what an older page shows.
 */
final class PublicTimeline {

    /** What the entry is; the page has words for each in English and Welsh. */
    enum TimelineKind {
        REPORT_RECEIVED,
        UPDATE,
        STATUS,
        REOPENED,
        CRIME_RECORDED,
        PREFERENCE_CHANGED,
        CONTACT_ADDED
    }

    /** @param args the values the words need: a channel, a status and team, a crime number; never null */
    record Entry(Instant at, String title, String detail, TimelineKind kind, List<String> args) {}

    private PublicTimeline() {}

    /** What the citizen's timeline says of the event, if anything. */
    static Optional<Entry> entry(Object event) {
        if (event instanceof CaseOpened opened) {
            return Optional.of(new Entry(
                    opened.openedAt(),
                    "Report received",
                    "We have received your report made " + howReceived(opened.channel()) + ".",
                    TimelineKind.REPORT_RECEIVED,
                    List.of(opened.channel().name())));
        }
        if (event instanceof PublicUpdatePublished update) {
            return Optional.of(
                    new Entry(update.at(), "Update from the police", update.text(), TimelineKind.UPDATE, List.of()));
        }
        if (event instanceof CaseStatusChanged changed) {
            String detail =
                    changed.to() == CaseStatus.REFERRED ? "Your case has been passed to " + changed.team() + "." : null;
            return Optional.of(new Entry(
                    changed.at(),
                    "Status: " + Wording.of(changed.to()),
                    detail,
                    TimelineKind.STATUS,
                    changed.to() == CaseStatus.REFERRED
                            ? List.of(changed.to().name(), String.valueOf(changed.team()))
                            : List.of(changed.to().name())));
        }
        if (event instanceof CaseReopened reopened) {
            return Optional.of(
                    new Entry(reopened.at(), "Your case has been reopened", null, TimelineKind.REOPENED, List.of()));
        }
        if (event instanceof CrimeRecorded recorded) {
            return Optional.of(new Entry(
                    recorded.at(),
                    "Recorded as a crime",
                    "Your crime number is " + recorded.crimeNumber() + ".",
                    TimelineKind.CRIME_RECORDED,
                    List.of(String.valueOf(recorded.crimeNumber()))));
        }
        if (event instanceof UpdatePreferenceChanged changed) {
            return Optional.of(new Entry(
                    changed.at(), "You changed how you get updates", null, TimelineKind.PREFERENCE_CHANGED, List.of()));
        }
        if (event instanceof ContactAddedToCase added) {
            return Optional.of(new Entry(
                    added.at(),
                    "We received another contact from you",
                    "You contacted us " + howReceived(added.channel()) + " about this matter.",
                    TimelineKind.CONTACT_ADDED,
                    List.of(added.channel().name())));
        }
        return Optional.empty();
    }

    static String howReceived(Channel channel) {
        return switch (channel) {
            case WEB -> "online";
            case CHAT -> "by live chat";
            case PHONE -> "by phone";
            case CALLBACK -> "by call-back";
        };
    }
}
