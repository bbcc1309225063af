package uk.police.bluelamp.contact.contactview;

import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.contact.ReportAsGiven;
import uk.police.bluelamp.messages.contact.query.FindReportAsGiven;

/**
 * The web report that opened a case, for its citizen's tracking page: they see what they told
 * us. From the read model that erasure rebuilds, so an erased report shows as erased.
 */
@Component
class ReportsAsGiven {

    private final JdbcClient jdbc;

    ReportsAsGiven(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Optional<ReportAsGiven> handle(FindReportAsGiven query) {
        return jdbc.sql("""
                        select description, location, occurred_on, occurred_time from contact_detail
                        where reference = :reference and channel = 'WEB' order by received_at limit 1
                        """)
                .param("reference", query.caseReference())
                .query((rs, n) -> new ReportAsGiven(
                        rs.getString("description"),
                        rs.getString("location"),
                        rs.getDate("occurred_on") == null
                                ? null
                                : rs.getDate("occurred_on").toLocalDate(),
                        rs.getString("occurred_time")))
                .optional();
    }
}
