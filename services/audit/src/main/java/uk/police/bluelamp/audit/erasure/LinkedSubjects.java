package uk.police.bluelamp.audit.erasure;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.casefile.ContactAddedToCase;
import uk.police.bluelamp.messages.contact.ContactLinkedToCase;

/**
 * The person behind a case or contact: every data subject joined to it by a matter they share
 * (docs/adr/0028-the-person-is-every-linked-subject.md). A report, a chat, a call-back and a
 * call that a handler joined to one case are one person's, though each was encrypted under its
 * own key when it arrived. The links are read from the events themselves (the ids in them are
 * not personal data, so they are stored in clear), so they cover everything ever linked.
 */
@Component
class LinkedSubjects {

    private static final String[] LINKS = {ContactLinkedToCase.class.getName(), ContactAddedToCase.class.getName()};

    private final SubjectKeys keys;
    private final JdbcTemplate jdbc;

    LinkedSubjects(SubjectKeys keys, JdbcTemplate jdbc) {
        this.keys = keys;
        this.jdbc = jdbc;
    }

    /** The named stream's subject first, then every other one linked to it; empty if none holds data. */
    Set<String> of(String stream) {
        Set<String> subjects = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>(List.of(stream));
        Deque<String> next = new ArrayDeque<>(seen);
        while (!next.isEmpty()) {
            String current = next.poll();
            keys.subjectOf(current).ifPresent(subject -> {
                if (subjects.add(subject)) {
                    keys.streamsOf(subject).stream().filter(seen::add).forEach(next::add);
                }
            });
            linkedTo(current).stream().filter(seen::add).forEach(next::add);
        }
        return subjects;
    }

    /** The cases a contact was joined to, or the contacts joined to a case. */
    private List<String> linkedTo(String stream) {
        return jdbc.queryForList("""
                select case when link->>'contactId' = ? then link->>'reference' else link->>'contactId' end
                from (select convert_from(payload, 'UTF8')::jsonb as link from domain_event_entry
                      where payload_type = any(?)) links
                where link->>'contactId' = ? or link->>'reference' = ?
                """, String.class, stream, LINKS, stream, stream);
    }
}
