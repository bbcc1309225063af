package uk.police.bluelamp.contact.chat;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may read and write a chat: the citizen holding its token, and the one handler it is
 * assigned to. No one else, not even another handler.
 */
@Component
public class ChatAccess {

    /**
     * The chat's read model trails its commands by a moment: a citizen who has just started a
     * chat, or a handler who has just taken one, may subscribe before it has caught up.
     */
    static final Duration CATCH_UP = Duration.ofSeconds(3);

    private final JdbcClient jdbc;

    ChatAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean citizenMayUse(String contactId, String chatToken) {
        if (chatToken == null || chatToken.isBlank()) {
            return false;
        }
        return waitFor(() -> tokenHash(contactId).map(hash -> ChatTokens.matches(chatToken, hash)).orElse(false));
    }

    public boolean handlerMayUse(String contactId, String handler) {
        if (handler == null) {
            return false;
        }
        return waitFor(() -> handler.equals(assignedHandler(contactId).orElse(null)));
    }

    private static boolean waitFor(Supplier<Boolean> allowed) {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (!allowed.get()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private Optional<String> tokenHash(String contactId) {
        return jdbc.sql("select token_hash from chat_session where contact_id = :id")
                .param("id", contactId).query(String.class).optional();
    }

    private Optional<String> assignedHandler(String contactId) {
        return jdbc.sql("select handler from chat_session where contact_id = :id and handler is not null")
                .param("id", contactId).query(String.class).optional();
    }
}
