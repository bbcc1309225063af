package uk.police.bluelamp.audit.erasure;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.StoredNames;
import uk.police.bluelamp.messages.casefile.event.ContactAddedToCase;
import uk.police.bluelamp.messages.contact.event.ContactLinkedToCase;
import uk.police.bluelamp.messages.reply.event.ReplyMatched;
import uk.police.bluelamp.platform.personaldata.SubjectKeys;

/**
 * The person behind a case or contact: every data subject joined to it by a matter they share
 * (docs/adr/0028-the-person-is-every-linked-subject.md). A report, a chat, a call-back and a
 * call that a handler joined to one case, and a reply by text or email a handler put on it, are
 * one person's, though each was encrypted under its
 * own key when it arrived. The links are read from the events themselves (the ids in them are
 * not personal data, so they are stored in clear), so they cover everything ever linked.
 */
@Component
class LinkedSubjects {

    private static final String[] LINKS = {
        StoredNames.of(ContactLinkedToCase.class),
        StoredNames.of(ContactAddedToCase.class),
        StoredNames.of(ReplyMatched.class)
    };

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
        List<String> layer = List.of(stream);
        // One scan of the link events per step outward, for every stream reached in the step before.
        while (!layer.isEmpty()) {
            List<String> next = new ArrayList<>();
            for (String current : layer) {
                keys.subjectOf(current).ifPresent(subject -> {
                    if (subjects.add(subject)) {
                        keys.streamsOf(subject).stream().filter(seen::add).forEach(next::add);
                    }
                });
            }
            linkedTo(layer).stream().filter(seen::add).forEach(next::add);
            layer = next;
        }
        return subjects;
    }

    /** The cases the given contacts were joined to, and the contacts joined to the given cases. */
    private List<String> linkedTo(List<String> streams) {
        String[] ids = streams.toArray(String[]::new);
        return jdbc.queryForList("""
                with links as (select link->>'reference' as reference,
                                      coalesce(link->>'contactId', link->>'replyId') as contact
                               from (select convert_from(payload, 'UTF8')::jsonb as link from domain_event_entry
                                     where payload_type = any(?)) l)
                select reference from links where contact = any(?)
                union
                select contact from links where reference = any(?)
                """, String.class, LINKS, ids, ids);
    }
}
