package uk.police.bluelamp.casework.replies;

import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.reply.event.ReplyClosed;
import uk.police.bluelamp.messages.reply.event.ReplyMatched;
import uk.police.bluelamp.messages.reply.event.ReplyReceived;
import uk.police.bluelamp.platform.readmodel.ReadModel;

/**
 * The replies waiting for a handler: only those, so the table holds no more personal data than
 * the queue shows. A reply matched on arrival is removed in the batch that added it.
 */
@Component
@ProcessingGroup(UnmatchedRepliesProjection.PROCESSING_GROUP)
@ReadModel(tables = "unmatched_reply")
class UnmatchedRepliesProjection {

    static final String PROCESSING_GROUP = "unmatched-replies";

    private final JdbcClient jdbc;

    UnmatchedRepliesProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from unmatched_reply").update();
    }

    @EventHandler
    void on(ReplyReceived event) {
        jdbc.sql("""
                        insert into unmatched_reply (reply_id, channel, sender, subject, text, received_at)
                        values (:id, :channel, :sender, :subject, :text, :at)
                        on conflict (reply_id) do nothing
                        """)
                .param("id", event.replyId())
                .param("channel", event.channel().name())
                .param("sender", event.sender())
                .param("subject", event.subject())
                .param("text", event.text())
                .param("at", Timestamp.from(event.receivedAt()))
                .update();
    }

    @EventHandler
    void on(ReplyMatched event) {
        gone(event.replyId());
    }

    @EventHandler
    void on(ReplyClosed event) {
        gone(event.replyId());
    }

    private void gone(String replyId) {
        jdbc.sql("delete from unmatched_reply where reply_id = :id")
                .param("id", replyId)
                .update();
    }
}
