package uk.police.bluelamp.contact.webreport;

import java.time.Instant;
import java.time.ZoneId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Case references a citizen can read out on the phone: BL-2026-000123. The number comes
 * from one database sequence, so references are unique across years and across nodes.
 */
@Component
public class References {

    private static final ZoneId FORCE_ZONE = ZoneId.of("Europe/London");

    private final JdbcClient jdbc;

    References(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public String next(Instant now) {
        long number = jdbc.sql("select nextval('case_reference_seq')")
                .query(Long.class)
                .single();
        return String.format("BL-%d-%06d", now.atZone(FORCE_ZONE).getYear(), number);
    }
}
