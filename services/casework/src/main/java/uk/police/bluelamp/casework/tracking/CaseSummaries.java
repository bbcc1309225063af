package uk.police.bluelamp.casework.tracking;

import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.casefile.CaseStatus;
import uk.police.bluelamp.messages.casefile.CaseSummary;
import uk.police.bluelamp.messages.casefile.query.FindCaseSummaries;
import uk.police.bluelamp.messages.contact.ReportCategory;
import uk.police.bluelamp.platform.wording.Wording;

/** Answers other contexts asking how some cases stand (a handler's screen-pop, say). */
@Component
class CaseSummaries {

    private final JdbcClient jdbc;

    CaseSummaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    List<CaseSummary> handle(FindCaseSummaries query) {
        if (query.references() == null || query.references().isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        "select reference, status, category from case_tracking where reference in (:references) order by reported_at desc")
                .param("references", query.references())
                .query((rs, n) -> new CaseSummary(
                        rs.getString("reference"),
                        rs.getString("status"),
                        Wording.of(CaseStatus.valueOf(rs.getString("status"))),
                        Wording.of(ReportCategory.valueOf(rs.getString("category")))))
                .list();
    }
}
