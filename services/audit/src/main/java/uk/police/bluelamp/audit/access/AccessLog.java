package uk.police.bluelamp.audit.access;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Map;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import uk.police.bluelamp.messages.MetadataKeys;
import uk.police.bluelamp.messages.audit.AccessEvent;
import uk.police.bluelamp.messages.audit.CaseViewed;
import uk.police.bluelamp.messages.audit.ContactViewed;

/**
 * Records each time staff open personal data (DPA 2018 s.62), with the reason given in the
 * {@value #REASON_HEADER} header. The policy: work that is yours or your team's unclaimed work
 * needs no reason; a record assigned to someone else, and any look by an auditor or admin
 * (who do no case work), does — without one nothing is shown.
 */
@Component
public class AccessLog {

    public static final String REASON_HEADER = "X-Access-Reason";
    static final int LONGEST_REASON = 500;

    private final EventGateway events;
    private final Clock clock;

    AccessLog(EventGateway events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** @param assignedTo who the case is assigned to, or null when it is nobody's yet */
    public void caseOpened(String reference, String view, String assignedTo) {
        Authentication viewer = viewer();
        String reason = reason(needsReason(viewer, assignedTo));
        record(new CaseViewed(reference, viewer.getName(), view, reason, clock.instant()));
    }

    public void contactOpened(String contactId, String view, String assignedTo) {
        Authentication viewer = viewer();
        String reason = reason(needsReason(viewer, assignedTo));
        record(new ContactViewed(contactId, viewer.getName(), view, reason, clock.instant()));
    }

    private void record(AccessEvent event) {
        events.publish(org.axonframework.eventhandling.GenericEventMessage.asEventMessage(event)
                .andMetaData(MetaData.from(Map.of(MetadataKeys.ACTOR, event.viewer(), MetadataKeys.CHANNEL, "STAFF"))));
    }

    private static boolean needsReason(Authentication viewer, String assignedTo) {
        boolean doesCaseWork = viewer.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_HANDLER") || a.getAuthority().equals("ROLE_SUPERVISOR"));
        return !doesCaseWork || (assignedTo != null && !assignedTo.equals(viewer.getName()));
    }

    private static Authentication viewer() {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who == null) {
            throw new IllegalStateException("Only signed-in staff open records");
        }
        return who;
    }

    private static String reason(boolean required) {
        String given = null;
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            given = request.getHeader(REASON_HEADER);
            if (given == null) {
                given = request.getParameter("reason");
            }
        }
        given = given == null ? null : given.strip();
        if (given != null && given.length() > LONGEST_REASON) {
            throw new ReasonRequired("Keep the reason to " + LONGEST_REASON + " characters or fewer");
        }
        if (required && (given == null || given.isEmpty())) {
            throw new ReasonRequired("Say why you are opening this record: it is not assigned to you, "
                    + "and every look at personal data is logged");
        }
        return given == null || given.isEmpty() ? null : given;
    }
}
