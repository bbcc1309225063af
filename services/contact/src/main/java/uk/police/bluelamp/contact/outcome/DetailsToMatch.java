package uk.police.bluelamp.contact.outcome;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.contact.queue.QueueItem;
import uk.police.bluelamp.contact.queue.QueueReads;
import uk.police.bluelamp.contact.webreport.Postcodes;
import uk.police.bluelamp.messages.contact.ContactDetailsToMatch;
import uk.police.bluelamp.messages.contact.query.FindContactDetailsToMatch;

/**
 * Answers casework's question before a handler opens a case from a contact: what the contact
 * gave that could match a recent case (its phone number, a web report's email and postcode),
 * and the cases earlier contacts from the same number joined.
 */
@Component
class DetailsToMatch {

    static final int MOST_EARLIER_CONTACTS = 20;

    private final JdbcClient jdbc;
    private final QueueReads queue;
    private final Clock clock;
    private final Duration window;

    DetailsToMatch(
            JdbcClient jdbc,
            QueueReads queue,
            Clock clock,
            @Value("${bluelamp.cases.duplicate-window:P90D}") Duration window) {
        this.jdbc = jdbc;
        this.queue = queue;
        this.clock = clock;
        this.window = window;
    }

    /** Empty when there is no such contact. */
    @QueryHandler
    Optional<ContactDetailsToMatch> handle(FindContactDetailsToMatch query) {
        String id = query.contactId();
        Optional<QueueItem> queued = queue.item(id);
        if (queued.isEmpty()) {
            return Optional.empty();
        }
        Optional<Map<String, Object>> report = jdbc
                .sql("select email, location, reference from contact_detail where contact_id = :id")
                .param("id", id)
                .query()
                .listOfRows()
                .stream()
                .findFirst();
        String phone = value("select phone from contact_party where contact_id = :id", id)
                .orElse(null);
        List<Map<String, Object>> samePhone = phone == null
                ? List.of()
                : jdbc.sql("""
                                select contact_id, reference from contact_party
                                where phone = :phone and contact_id <> :id and reference is not null and at >= :since
                                order by at desc limit :most
                                """)
                        .param("phone", phone)
                        .param("id", id)
                        .param("since", Timestamp.from(clock.instant().minus(window)))
                        .param("most", MOST_EARLIER_CONTACTS)
                        .query()
                        .listOfRows();
        return Optional.of(new ContactDetailsToMatch(
                phone,
                report.map(r -> (String) r.get("email")).orElse(null),
                report.map(r -> Postcodes.find((String) r.get("location"))).orElse(null),
                Optional.ofNullable(queued.get().reference())
                        .or(() -> report.map(r -> (String) r.get("reference")))
                        .orElse(null),
                samePhone.stream().map(r -> (String) r.get("contact_id")).toList(),
                samePhone.stream()
                        .map(r -> (String) r.get("reference"))
                        .distinct()
                        .toList()));
    }

    /** A column's value, empty when there is no row or the value is null. */
    private Optional<String> value(String sql, String contactId) {
        return jdbc.sql(sql).param("id", contactId).query(String.class).list().stream()
                .filter(Objects::nonNull)
                .findFirst();
    }
}
