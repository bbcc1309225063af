package uk.police.bluelamp.casework.replies;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.police.bluelamp.casework.CaseworkIntegrationTest;
import uk.police.bluelamp.messages.reply.ReplyChannel;
import uk.police.bluelamp.messages.reply.ReplyMatch;
import uk.police.bluelamp.messages.reply.event.ReplyClosed;
import uk.police.bluelamp.messages.reply.event.ReplyMatched;
import uk.police.bluelamp.messages.reply.event.ReplyReceived;
import uk.police.bluelamp.platform.testing.TwinTables;

/**
 * The replies waiting, written a batch at a time, are the rows the projection's statements left
 * one event at a time (kept here as the reference): replies received, matched, closed and received
 * again in any order within and across batches, redelivered events, text a citizen could type and
 * moments half a microsecond apart. A batch costs two statements; a row PostgreSQL refuses fails
 * its batch, then only its own event.
 */
class UnmatchedRepliesBatchTest extends CaseworkIntegrationTest {

    private static final Instant NINE = Instant.parse("2031-03-04T09:00:00Z");
    private static final List<String> TEXTS =
            List.of("Any news?", "it's \"quoted\", {braced}, back\\slashed", "NULL", "Siân's ffôn 📱", "");

    @Autowired
    private DataSource dataSource;

    @Test
    void batchesLeaveTheRowsTheEventsLeaveOneAtATime() throws Exception {
        try (TwinTables tables = new TwinTables(dataSource, "unmatched_reply")) {
            List<List<List<Map<String, Object>>>> rounds = tables.randomRounds(
                    new UnmatchedRepliesProjection(new JdbcTemplate(tables.batched())),
                    30,
                    25,
                    6,
                    2,
                    UnmatchedRepliesBatchTest::anyEvent,
                    (copies, event) -> reference(copies, event.getPayload()));
            assertThat(rounds)
                    .as("some replies waited")
                    .anyMatch(round -> !round.get(0).isEmpty());
        }
    }

    @Test
    void aRefusedRowFailsItsBatchThenOnlyItsOwnEvent() throws Exception {
        try (TwinTables tables = new TwinTables(dataSource, "unmatched_reply")) {
            tables.refusedAlone(
                    new UnmatchedRepliesProjection(new JdbcTemplate(tables.batched())),
                    List.of(
                            received("reply-1", "sam@example.org", NINE),
                            received("reply-2", "x".repeat(321), NINE), // sender is varchar(320)
                            received("reply-3", "07700900123", NINE)));
            assertThat(tables.batchedRows().get(0))
                    .extracting(row -> row.get("reply_id"))
                    .containsExactlyInAnyOrder("reply-1", "reply-3");
        }
    }

    private static Object anyEvent(Random random) {
        String reply = "reply-" + random.nextInt(5);
        Instant at = NINE.plusSeconds(random.nextInt(8) * 60L)
                .plusNanos(List.of(0, 499, 500, 1_500).get(random.nextInt(4)));
        return switch (random.nextInt(5)) {
            case 0, 1, 2 -> received(reply, TEXTS.get(random.nextInt(TEXTS.size())) + "@example.org", at);
            case 3 -> new ReplyMatched(reply, "BL-1", ReplyMatch.values()[random.nextInt(2)], "handler", at);
            default -> new ReplyClosed(reply, "not ours", "handler", at);
        };
    }

    private static ReplyReceived received(String reply, String sender, Instant at) {
        return new ReplyReceived(reply, ReplyChannel.EMAIL, sender, "Re: your report", "Any news?", at);
    }

    /** The projection's statements as it ran them for each event, before it gathered batches. */
    private static void reference(JdbcClient jdbc, Object event) {
        if (event instanceof ReplyReceived e) {
            jdbc.sql("""
                    insert into unmatched_reply (reply_id, channel, sender, subject, text, received_at)
                    values (:id, :channel, :sender, :subject, :text, :at)
                    on conflict (reply_id) do nothing
                    """)
                    .param("id", e.replyId())
                    .param("channel", e.channel().name())
                    .param("sender", e.sender())
                    .param("subject", e.subject())
                    .param("text", e.text())
                    .param("at", Timestamp.from(e.receivedAt()))
                    .update();
        } else if (event instanceof ReplyMatched e) {
            jdbc.sql("delete from unmatched_reply where reply_id = :id")
                    .param("id", e.replyId())
                    .update();
        } else if (event instanceof ReplyClosed e) {
            jdbc.sql("delete from unmatched_reply where reply_id = :id")
                    .param("id", e.replyId())
                    .update();
        }
    }
}
