package uk.police.bluelamp.app.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * An auditor reads everything and changes nothing, public endpoints included: while signed in
 * as an auditor, every write is refused. The one exception is rebuilding a read model, which
 * derives it again from the log and changes no record, and cancelling the rebuild they started.
 */
final class AuditorsOnlyRead {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Pattern CANCEL_REBUILD = Pattern.compile("/api/v1/audit/replays/[^/]+/cancel");
    private static final Set<String> ALLOWED_WRITES = Set.of("/api/v1/audit/replays", "/api/v1/staff/logout");

    private AuditorsOnlyRead() {}

    static boolean writes(HttpServletRequest request) {
        if (READS.contains(request.getMethod())
                || ALLOWED_WRITES.contains(request.getRequestURI())
                || CANCEL_REBUILD.matcher(request.getRequestURI()).matches()) {
            return false;
        }
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who == null || !who.isAuthenticated()) {
            return false;
        }
        boolean auditor = false;
        for (GrantedAuthority authority : who.getAuthorities()) {
            switch (authority.getAuthority()) {
                case "ROLE_AUDITOR" -> auditor = true;
                case "ROLE_HANDLER", "ROLE_SUPERVISOR", "ROLE_ADMIN" -> {
                    return false;
                }
                default -> {}
            }
        }
        return auditor;
    }
}
