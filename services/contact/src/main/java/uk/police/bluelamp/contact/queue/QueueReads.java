package uk.police.bluelamp.contact.queue;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.contact.handler.Skills;
import uk.police.bluelamp.messages.contact.Channel;

/** Reads of the queue read model, ordered as handlers work it: priority, then longest wait. */
@Component
public class QueueReads {

    static final String ORDER = " order by priority, queued_at, contact_id";

    private final JdbcClient jdbc;
    private final QueueSettings settings;
    private final Skills skills;
    private final Clock clock;

    QueueReads(JdbcClient jdbc, QueueSettings settings, Skills skills, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.skills = skills;
        this.clock = clock;
    }

    public Optional<QueueItem> item(String contactId) {
        return jdbc.sql("select * from queue_item where contact_id = :id")
                .param("id", contactId)
                .query((rs, n) -> QueueItem.of(rs, settings, skills, clock.instant()))
                .optional();
    }

    public List<QueueItem> waiting(Channel channel) {
        return jdbc.sql("select * from queue_item where state = 'WAITING' and channel = :channel" + ORDER)
                .param("channel", channel.name())
                .query((rs, n) -> QueueItem.of(rs, settings, skills, clock.instant()))
                .list();
    }

    public List<QueueItem> assignedTo(String handler) {
        return jdbc.sql("select * from queue_item where state = 'ASSIGNED' and handler = :handler order by queued_at")
                .param("handler", handler)
                .query((rs, n) -> QueueItem.of(rs, settings, skills, clock.instant()))
                .list();
    }

    /** 1 for the chat at the front of the queue; empty once it is no longer waiting. */
    public Optional<Integer> chatPosition(String contactId) {
        List<String> waiting = jdbc.sql(
                        "select contact_id from queue_item where state = 'WAITING' and channel = 'CHAT'" + ORDER)
                .query(String.class)
                .list();
        int index = waiting.indexOf(contactId);
        return index < 0 ? Optional.empty() : Optional.of(index + 1);
    }

    /**
     * How long the chat at this place may wait: its place over the rate chats were answered in
     * the last half hour. Empty with fewer than three answers to go on: a guess from one or two
     * would promise what nobody can keep.
     */
    public Optional<Duration> expectedChatWait(int position) {
        Instant now = clock.instant();
        long answered = jdbc.sql("""
                        select count(*) from queue_item
                        where channel = 'CHAT' and answered_at > :since and answered_at <= :now""")
                .param("since", Timestamp.from(now.minus(ANSWER_RATE_WINDOW)))
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
        if (answered < 3) {
            return Optional.empty();
        }
        return Optional.of(ANSWER_RATE_WINDOW.multipliedBy(position).dividedBy(answered));
    }

    static final Duration ANSWER_RATE_WINDOW = Duration.ofMinutes(30);

    List<String> waitingChats() {
        return jdbc.sql("select contact_id from queue_item where state = 'WAITING' and channel = 'CHAT'" + ORDER)
                .query(String.class)
                .list();
    }
}
