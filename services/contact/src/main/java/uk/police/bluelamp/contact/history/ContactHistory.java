package uk.police.bluelamp.contact.history;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.contact.Channel;

/**
 * The same person's other contacts, on any channel, found by what this contact gave: phone
 * number, email address or full name. A name alone is the weakest match (two people share one),
 * so only a phone or email match within the duplicate window makes the contact a repeat one.
 */
@Component
class ContactHistory {

    static final int MOST_CONTACTS = 20;

    enum Match {
        PHONE,
        EMAIL,
        NAME
    }

    record OtherContact(
            @Schema(requiredMode = REQUIRED) String contactId,

            @Schema(requiredMode = REQUIRED, implementation = Channel.class)
            String channel,

            @Schema(requiredMode = REQUIRED) Instant at,
            @Schema(requiredMode = REQUIRED) String summary,
            String reference,
            @Schema(requiredMode = REQUIRED) Set<Match> matchedBy) {}

    record Found(boolean repeat, List<OtherContact> contacts) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration window;

    ContactHistory(JdbcClient jdbc, Clock clock, @Value("${bluelamp.cases.duplicate-window:P90D}") Duration window) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.window = window;
    }

    /** Empty when the queue has no such contact (yet). */
    Optional<Found> of(String contactId) {
        Optional<Map<String, Object>> party = jdbc
                .sql("select phone, email, name_key from contact_party where contact_id = :id")
                .param("id", contactId)
                .query()
                .listOfRows()
                .stream()
                .findFirst();
        if (party.isEmpty()) {
            return Optional.empty();
        }
        String phone = (String) party.get().get("phone");
        String email = (String) party.get().get("email");
        String name = (String) party.get().get("name_key");
        if (phone == null && email == null && name == null) {
            return Optional.of(new Found(false, List.of()));
        }
        List<OtherContact> contacts = jdbc.sql("""
                        select contact_id, channel, at, summary, reference, phone, email, name_key
                        from contact_party
                        where contact_id <> :id
                          and (phone = :phone or email = :email or name_key = :name)
                        order by at desc, contact_id limit :most
                        """)
                .param("id", contactId)
                .param("phone", phone)
                .param("email", email)
                .param("name", name)
                .param("most", MOST_CONTACTS)
                .query((rs, n) -> {
                    Set<Match> matched = EnumSet.noneOf(Match.class);
                    if (phone != null && phone.equals(rs.getString("phone"))) {
                        matched.add(Match.PHONE);
                    }
                    if (email != null && email.equals(rs.getString("email"))) {
                        matched.add(Match.EMAIL);
                    }
                    if (name != null && name.equals(rs.getString("name_key"))) {
                        matched.add(Match.NAME);
                    }
                    return new OtherContact(
                            rs.getString("contact_id"),
                            rs.getString("channel"),
                            rs.getTimestamp("at").toInstant(),
                            rs.getString("summary"),
                            rs.getString("reference"),
                            matched);
                })
                .list();
        Instant since = clock.instant().minus(window);
        boolean repeat = contacts.stream()
                .anyMatch(c -> c.at().isAfter(since)
                        && (c.matchedBy().contains(Match.PHONE) || c.matchedBy().contains(Match.EMAIL)));
        return Optional.of(new Found(repeat, new ArrayList<>(contacts)));
    }
}
