package uk.police.bluelamp.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the tracking processors have read, for benchmarks that must not time a catch-up they did not start. */
public final class ProcessorTokens {

    private ProcessorTokens() {}

    /** Until every processor's every segment has read up to the head (or any token exists, for an empty store). */
    public static void awaitEveryProcessorAt(Connection jdbc, long head) throws Exception {
        ObjectMapper json = new ObjectMapper();
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (true) {
            long lowest = Long.MAX_VALUE;
            int segments = 0;
            try (Statement sql = jdbc.createStatement();
                    ResultSet tokens = sql.executeQuery("select token from token_entry")) {
                while (tokens.next()) {
                    segments++;
                    byte[] token = tokens.getBytes(1);
                    lowest = Math.min(
                            lowest,
                            token == null
                                    ? -1
                                    : json.readTree(token).path("index").asLong(-1));
                }
            }
            if (segments > 0 && (lowest >= head || head < 0)) {
                return;
            }
            if (System.nanoTime() > giveUp) {
                throw new AssertionError("the processors did not reach event " + head + " within 10 minutes");
            }
            Thread.sleep(100);
        }
    }

    /** The lowest event one processor's segments have read up to; -1 while none has a token. */
    public static long lowestIndex(JdbcClient jdbc, String processor) {
        return jdbc.sql("select coalesce(min((convert_from(token, 'UTF8')::jsonb ->> 'index')::bigint), -1) "
                        + "from token_entry where processor_name = :processor")
                .param("processor", processor)
                .query(Long.class)
                .single();
    }
}
