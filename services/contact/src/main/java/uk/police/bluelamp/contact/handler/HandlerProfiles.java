package uk.police.bluelamp.contact.handler;

import java.util.Set;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.contact.query.FindNameShownToCitizens;

/**
 * What citizens see of a handler (the display name the handler chose, else a neutral title,
 * never the login name) and the handler's skills. Read from the database on each use, so every
 * node answers the same.
 */
@Component
public class HandlerProfiles {

    public static final String NEUTRAL = "Call handler";

    private final JdbcClient jdbc;

    HandlerProfiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public String forCitizens(String handler) {
        if (handler == null) {
            return NEUTRAL;
        }
        return jdbc.sql(
                        "select display_name from handler_profile where handler = :handler and display_name is not null")
                .param("handler", handler)
                .query(String.class)
                .optional()
                .filter(name -> !name.isBlank())
                .orElse(NEUTRAL);
    }

    /** For the other contexts: the chat copy emailed to a citizen names handlers as the chat did. */
    @QueryHandler
    String handle(FindNameShownToCitizens query) {
        return forCitizens(query.username());
    }

    public Set<String> skillsOf(String handler) {
        return Set.copyOf(jdbc.sql("select skill from handler_skill where handler = :handler")
                .param("handler", handler)
                .query(String.class)
                .list());
    }
}
