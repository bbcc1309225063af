package uk.police.bluelamp.contact.contact;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a contact that never became part of a case is kept after it closed, before its
 * retention review falls due (docs/adr/0029-retention-reviews.md). Such a contact records no
 * police information under MoPI; the default year is the time a complaint about it should
 * normally be made in (IOPC statutory guidance), after which it has no further purpose.
 */
@ConfigurationProperties("bluelamp.retention")
public record ContactRetention(Period contactsWithoutCase) {

    static final Period COMPLAINT_WINDOW = Period.ofYears(1);

    public ContactRetention {
        contactsWithoutCase = contactsWithoutCase == null ? COMPLAINT_WINDOW : contactsWithoutCase;
    }

    /** Calendar years and months, counted in UTC so that every node agrees on the date. */
    public Instant reviewDue(Instant finishedAt) {
        return finishedAt.atZone(ZoneOffset.UTC).plus(contactsWithoutCase).toInstant();
    }
}
