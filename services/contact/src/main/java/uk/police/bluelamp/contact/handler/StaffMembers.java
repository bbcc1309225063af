package uk.police.bluelamp.contact.handler;

import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.contact.query.FindStaffMember;

/**
 * Who is staff, so work is assigned only to people who exist: the force's accounts where the app
 * holds them, and any handler who has signed in and set their availability (single sign-on
 * accounts live in Entra ID, not here).
 */
@Component
class StaffMembers {

    private final Optional<UserDetailsService> accounts;
    private final JdbcClient jdbc;

    StaffMembers(Optional<UserDetailsService> accounts, JdbcClient jdbc) {
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    @QueryHandler
    Optional<String> handle(FindStaffMember query) {
        String username = query.username() == null ? "" : query.username().strip();
        if (username.isEmpty()) {
            return Optional.empty();
        }
        if (hasAccount(username)) {
            return Optional.of(username);
        }
        return jdbc.sql("select handler from handler_availability where handler = :handler")
                .param("handler", username)
                .query(String.class)
                .optional();
    }

    private boolean hasAccount(String username) {
        try {
            return accounts.isPresent() && accounts.get().loadUserByUsername(username) != null;
        } catch (UsernameNotFoundException unknown) {
            return false;
        }
    }
}
