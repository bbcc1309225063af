package uk.police.bluelamp.contact.phone;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.contact.history.CasesOfContacts;
import uk.police.bluelamp.contact.queue.PhoneNumbers;
import uk.police.bluelamp.messages.casefile.CaseSummary;
import uk.police.bluelamp.messages.contact.CallDetails;
import uk.police.bluelamp.platform.access.AccessLog;

/**
 * Who is calling: their earlier contacts from the same number, and the cases those belong to.
 * The handler who answers sees them unasked, so each is in the access log as their look.
 */
@Component
class ScreenPops {

    static final int MOST_CONTACTS = 20;

    private final JdbcClient jdbc;
    private final CasesOfContacts caseSummaries;
    private final AccessLog accessLog;

    ScreenPops(JdbcClient jdbc, CasesOfContacts caseSummaries, AccessLog accessLog) {
        this.jdbc = jdbc;
        this.caseSummaries = caseSummaries;
        this.accessLog = accessLog;
    }

    record PreviousContact(String contactId, String channel, Instant at, String summary, String reference) {}

    record ScreenPop(
            String contactId,
            String callId,
            String from,
            boolean withheld,
            List<PreviousContact> previousContacts,
            List<CaseSummary> cases) {}

    ScreenPop shownTo(String handler, String contactId, CallDetails call) {
        ScreenPop pop = forCall(contactId, call);
        List<String> contacts = new ArrayList<>(List.of(contactId));
        pop.previousContacts().forEach(previous -> contacts.add(previous.contactId()));
        accessLog.shownTo(
                handler,
                "screen pop",
                pop.cases().stream().map(CaseSummary::reference).toList(),
                contacts);
        return pop;
    }

    private ScreenPop forCall(String contactId, CallDetails call) {
        String number = call.withheld() ? null : PhoneNumbers.normalise(call.from());
        if (number == null) {
            return new ScreenPop(contactId, call.callId(), null, true, List.of(), List.of());
        }
        List<PreviousContact> previous = jdbc.sql("""
                        select contact_id, channel, at, summary, reference from contact_party
                        where phone = :phone and contact_id <> :id order by at desc limit :most
                        """)
                .param("phone", number)
                .param("id", contactId)
                .param("most", MOST_CONTACTS)
                .query((rs, n) -> new PreviousContact(
                        rs.getString("contact_id"),
                        rs.getString("channel"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("summary"),
                        rs.getString("reference")))
                .list();
        List<CaseSummary> cases = caseSummaries.of(previous.stream().map(PreviousContact::reference));
        return new ScreenPop(contactId, call.callId(), call.from(), false, previous, cases);
    }
}
