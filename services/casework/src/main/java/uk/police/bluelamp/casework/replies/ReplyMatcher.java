package uk.police.bluelamp.casework.replies;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.casefile.CaseReferenceFormat;
import uk.police.bluelamp.messages.casefile.CitizenDetails;
import uk.police.bluelamp.messages.casefile.DeliveryStatus;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.casefile.event.CaseDisposed;
import uk.police.bluelamp.messages.casefile.event.CaseOpened;
import uk.police.bluelamp.messages.casefile.event.TrackingCodeSent;
import uk.police.bluelamp.messages.casefile.event.UpdateDeliveryRecorded;
import uk.police.bluelamp.messages.casefile.event.UpdatePreferenceChanged;
import uk.police.bluelamp.messages.reply.ReplyChannel;
import uk.police.bluelamp.messages.reply.ReplyMatch;

/**
 * Which case a reply belongs to, if any. A number or address is verified for a case once GOV.UK
 * Notify took a text or email to it for that case (an update or the tracking code) and it is still
 * the case's own: whoever replies from it got our message there. References are sequential, so a
 * reference alone proves nothing: it picks among the cases the sender is verified for. Everything
 * else waits for a handler (docs/adr/0045-replies-by-text-and-email.md).
 */
@Component
class ReplyMatcher {

    static final Pattern REFERENCE = Pattern.compile(CaseReferenceFormat.PATTERN, Pattern.CASE_INSENSITIVE);
    /** A sender on more open cases than this is a shared line; a handler decides. */
    private static final int MOST_CANDIDATES = 20;

    record Match(String reference, ReplyMatch how) {}

    private final JdbcClient jdbc;
    private final EventStore eventStore;

    ReplyMatcher(JdbcClient jdbc, EventStore eventStore) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
    }

    /** @param senderKey the sender as {@link #key} makes it, or null when the sender is not to be believed */
    Optional<Match> match(ReplyChannel channel, String senderKey, String... texts) {
        if (senderKey == null) {
            return Optional.empty();
        }
        List<String> verified = candidates(channel, senderKey).stream()
                .filter(reference -> verified(history(reference), channel, senderKey))
                .toList();
        List<String> named = mentioned(texts);
        Optional<String> namedAndVerified =
                named.stream().filter(verified::contains).findFirst();
        if (namedAndVerified.isPresent()) {
            return Optional.of(new Match(namedAndVerified.get(), ReplyMatch.REFERENCE));
        }
        if (named.isEmpty() && verified.size() == 1) {
            return Optional.of(new Match(verified.get(0), ReplyMatch.SENDER));
        }
        return Optional.empty();
    }

    /** Case references in the texts, in capitals, first seen first. */
    static List<String> mentioned(String... texts) {
        Set<String> found = new LinkedHashSet<>();
        for (String text : texts) {
            if (text != null) {
                Matcher m = REFERENCE.matcher(text);
                while (m.find()) {
                    found.add(m.group().toUpperCase(Locale.ROOT));
                }
            }
        }
        return new ArrayList<>(found);
    }

    /** A number by its last ten digits (07700 900123, +44 7700 900123 and 447700900123 are one); an address in lower case. */
    static String key(ReplyChannel channel, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (channel == ReplyChannel.EMAIL) {
            return value.strip().toLowerCase(Locale.ROOT);
        }
        String digits = value.replaceAll("\\D", "");
        return digits.length() < 10 ? null : digits.substring(digits.length() - 10);
    }

    /** Open cases whose citizen gave this number or address, from the case view (indexed on both). */
    private List<String> candidates(ReplyChannel channel, String senderKey) {
        String where = channel == ReplyChannel.EMAIL
                ? "lower(email) = :key and email is not null"
                : "right(regexp_replace(phone, '[^0-9]', '', 'g'), 10) = :key and phone is not null";
        return jdbc.sql("select reference from case_view where status <> 'CLOSED' and " + where
                        + " order by opened_at desc limit :most")
                .param("key", senderKey)
                .param("most", MOST_CANDIDATES)
                .query(String.class)
                .list();
    }

    private Stream<Object> history(String reference) {
        return eventStore.readEvents(reference, 0).asStream().map(DomainEventMessage::getPayload);
    }

    /** Folded over the case's own events: the read models may trail them. */
    static boolean verified(Stream<Object> history, ReplyChannel channel, String senderKey) {
        UpdateChannel sentBy = channel == ReplyChannel.EMAIL ? UpdateChannel.EMAIL : UpdateChannel.SMS;
        String current = null;
        boolean sentTo = false;
        for (Object event : (Iterable<Object>) history::iterator) {
            CitizenDetails details = event instanceof CaseOpened opened
                    ? opened.citizen()
                    : event instanceof UpdatePreferenceChanged changed ? changed.citizen() : null;
            if (details != null) {
                String key = key(channel, channel == ReplyChannel.EMAIL ? details.email() : details.phone());
                if (!Objects.equals(key, current)) {
                    current = key;
                    sentTo = false;
                }
            } else if (event instanceof UpdateDeliveryRecorded delivery
                    && delivery.status() == DeliveryStatus.SENT
                    && delivery.channel() == sentBy) {
                sentTo = current != null;
            } else if (event instanceof TrackingCodeSent code && code.channel() == sentBy) {
                sentTo = current != null;
            } else if (event instanceof CaseDisposed) {
                return false;
            }
        }
        return sentTo && senderKey.equals(current);
    }
}
