package uk.police.bluelamp.casework.replies;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.reply.event.ReplyClosed;
import uk.police.bluelamp.messages.reply.event.ReplyMatched;
import uk.police.bluelamp.messages.reply.event.ReplyReceived;
import uk.police.bluelamp.platform.readmodel.BatchedWrites;
import uk.police.bluelamp.platform.readmodel.ReadModel;
import uk.police.bluelamp.platform.readmodel.Unnest;

/**
 * The replies waiting for a handler: only those, so the table holds no more personal data than
 * the queue shows. A reply matched on arrival is removed in the batch that added it. A batch's
 * changes are written in two statements ({@link BatchedWrites}).
 */
@Component
@ProcessingGroup(UnmatchedRepliesProjection.PROCESSING_GROUP)
@ReadModel(tables = "unmatched_reply")
class UnmatchedRepliesProjection {

    static final String PROCESSING_GROUP = "unmatched-replies";

    private final JdbcTemplate jdbc;
    private final BatchedWrites<Waiting> writes;

    UnmatchedRepliesProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites<>(jdbc, UnmatchedRepliesProjection.class, Waiting::new);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from unmatched_reply");
    }

    @EventHandler
    void on(ReplyReceived event, @MessageIdentifier String eventId) {
        Object[] row = {
            event.replyId(),
            event.channel().name(),
            event.sender(),
            event.subject(),
            event.text(),
            Unnest.micros(Objects.requireNonNull(event.receivedAt()))
        };
        writes.write(eventId, waiting -> waiting.received(event.replyId(), row));
    }

    @EventHandler
    void on(ReplyMatched event, @MessageIdentifier String eventId) {
        writes.write(eventId, waiting -> waiting.gone(event.replyId()));
    }

    @EventHandler
    void on(ReplyClosed event, @MessageIdentifier String eventId) {
        writes.write(eventId, waiting -> waiting.gone(event.replyId()));
    }

    /**
     * A batch's replies, as their statements one at a time left them: a reply gone in the batch is
     * deleted, and a reply received (after it went, if it did) is inserted unless its row is there,
     * with what its first such arrival said.
     */
    private static final class Waiting implements BatchedWrites.Changes {

        private final Set<String> gone = new LinkedHashSet<>();
        private final Map<String, Object[]> arrived = new LinkedHashMap<>();

        void received(String replyId, Object[] row) {
            arrived.putIfAbsent(replyId, row);
        }

        void gone(String replyId) {
            gone.add(replyId);
            arrived.remove(replyId);
        }

        @Override
        public void write(Connection connection) throws SQLException {
            Unnest.execute(
                    connection, """
                    delete from unmatched_reply where reply_id in (select unnest(?::text[]))
                    """, gone.stream().map(id -> new Object[] {id}).toList());
            Unnest.execute(connection, """
                    insert into unmatched_reply (reply_id, channel, sender, subject, text, received_at)
                    select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])
                    on conflict (reply_id) do nothing
                    """, new ArrayList<>(arrived.values()));
        }
    }
}
