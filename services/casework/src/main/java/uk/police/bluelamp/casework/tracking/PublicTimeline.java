package uk.police.bluelamp.casework.tracking;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.police.bluelamp.messages.contact.Channel;

/** The entries a citizen sees on their case's timeline, in their words, not ours. */
final class PublicTimeline {

    private PublicTimeline() {
    }

    static void record(JdbcClient jdbc, String eventId, String reference, Instant at, String title, String detail) {
        jdbc.sql("""
                insert into case_timeline (event_id, reference, at, title, detail)
                values (:eventId, :reference, :at, :title, :detail)
                on conflict (event_id) do nothing
                """)
                .param("eventId", eventId)
                .param("reference", reference)
                .param("at", Timestamp.from(at))
                .param("title", title)
                .param("detail", detail)
                .update();
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
