package uk.police.bluelamp.platform.access;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import uk.police.bluelamp.messages.MetadataKeys;
import uk.police.bluelamp.messages.audit.event.AccessEvent;
import uk.police.bluelamp.messages.audit.event.CaseViewed;
import uk.police.bluelamp.messages.audit.event.ContactViewed;

/**
 * Records each time staff open personal data (DPA 2018 s.62), with the reason given in the
 * {@value #REASON_HEADER} header. The policy: work that is yours or your team's unclaimed work
 * needs no reason; a record assigned to someone else, and any look by an auditor or admin
 * (who do no case work), does — without one nothing is shown.
 */
@Component
public class AccessLog {

    public static final String REASON_HEADER = "X-Access-Reason";
    public static final int LONGEST_REASON = 500;

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

    /**
     * A page that shows several people's records at once (the event log): the reason rule as for
     * a record that is nobody's, once for the page, and one entry for each case and contact on it,
     * published together so the page costs one commit.
     */
    public void recordsListed(String view, Collection<String> caseReferences, Collection<String> contactIds) {
        Authentication viewer = viewer();
        publishAll(viewer, reason(needsReason(viewer, null)), view, caseReferences, contactIds);
    }

    /**
     * A list of rows to choose from (search results, cases due): logged like a look at each
     * record listed. Case workers are not asked a reason, since opening a row is what asks for
     * one; auditors and admins, who do no case work, give one as for any look (ADR 0030).
     */
    public void rowsListed(String view, Collection<String> caseReferences, Collection<String> contactIds) {
        Authentication viewer = viewer();
        publishAll(viewer, reason(needsReason(viewer, null)), view, caseReferences, contactIds);
    }

    /**
     * Records put in front of a member of staff without their asking (a screen pop when they answer
     * a call): their own work, so no reason, but every record shown is in the log.
     */
    public void shownTo(String viewer, String view, Collection<String> caseReferences, Collection<String> contactIds) {
        publishAll(viewer, null, view, caseReferences, contactIds);
    }

    private void publishAll(
            Authentication viewer,
            String reason,
            String view,
            Collection<String> caseReferences,
            Collection<String> contactIds) {
        publishAll(viewer.getName(), reason, view, caseReferences, contactIds);
    }

    private void publishAll(
            String viewer,
            String reason,
            String view,
            Collection<String> caseReferences,
            Collection<String> contactIds) {
        Instant at = clock.instant();
        List<AccessEvent> looks = new ArrayList<>();
        caseReferences.forEach(reference -> looks.add(new CaseViewed(reference, viewer, view, reason, at)));
        contactIds.forEach(contactId -> looks.add(new ContactViewed(contactId, viewer, view, reason, at)));
        if (!looks.isEmpty()) {
            events.publish(looks.stream().map(AccessLog::message).toList());
        }
    }

    private void record(AccessEvent event) {
        events.publish(message(event));
    }

    private static EventMessage<?> message(AccessEvent event) {
        return GenericEventMessage.asEventMessage(event)
                .andMetaData(MetaData.from(Map.of(MetadataKeys.ACTOR, event.viewer(), MetadataKeys.CHANNEL, "STAFF")));
    }

    private static boolean needsReason(Authentication viewer, String assignedTo) {
        boolean doesCaseWork = viewer.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_HANDLER")
                        || a.getAuthority().equals("ROLE_SUPERVISOR"));
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
