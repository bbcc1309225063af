package uk.police.bluelamp.app.security;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.authentication.session.SessionFixationProtectionEvent;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.contact.live.SignIns;

/**
 * Staff sign-ins as the shared session store (PostgreSQL, Spring Session JDBC) holds them, read
 * for the live sockets. A socket asks on every frame it is sent, so each answer is kept for a
 * moment (bluelamp.live.sign-in-recheck-after): a sign-out or expiry on another node reaches this
 * node's sockets within that, plus the sweep's interval. An ended session is gone from the table
 * (sign-out deletes it; an expired one is not found), so "not found" is "signed out".
 */
@Component
class SharedSignIns implements SignIns {

    /** Past this many remembered answers, forget them all rather than grow: each is one lookup away. */
    private static final int MOST_REMEMBERED = 10_000;

    private record Answer(Optional<Authentication> signedIn, long at) {}

    private final SessionRepository<? extends Session> sessions;
    private final long recheckAfterNanos;
    private final Map<String, Answer> recent = new ConcurrentHashMap<>();

    SharedSignIns(
            SessionRepository<? extends Session> sessions,
            @Value("${bluelamp.live.sign-in-recheck-after:PT1S}") Duration recheckAfter) {
        this.sessions = sessions;
        this.recheckAfterNanos = recheckAfter.toNanos();
    }

    @Override
    public Optional<Authentication> current(String httpSessionId) {
        long now = System.nanoTime();
        Answer known = recent.get(httpSessionId);
        if (known != null && now - known.at() < recheckAfterNanos) {
            return known.signedIn();
        }
        if (recent.size() >= MOST_REMEMBERED) {
            recent.clear();
        }
        Answer fresh = new Answer(lookUp(httpSessionId), now);
        recent.put(httpSessionId, fresh);
        return fresh.signedIn();
    }

    @Override
    public void ended(String httpSessionId) {
        recent.put(httpSessionId, new Answer(Optional.empty(), System.nanoTime()));
    }

    /** Signed in again on this node (a new session id): the old id's remembered answer is over at once. */
    @EventListener
    void signedInAgain(SessionFixationProtectionEvent changed) {
        ended(changed.getOldSessionId());
    }

    private Optional<Authentication> lookUp(String httpSessionId) {
        Session session = sessions.findById(httpSessionId);
        return session != null
                        && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                                instanceof SecurityContext context
                ? Optional.ofNullable(context.getAuthentication())
                : Optional.empty();
    }
}
