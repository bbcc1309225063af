package uk.police.bluelamp.contact.history;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.casefile.CaseSummary;
import uk.police.bluelamp.messages.casefile.query.FindCaseSummaries;

/** The cases a person's contacts belong to, asked of casework once for all of them. */
@Component
public class CasesOfContacts {

    private final QueryGateway queries;

    CasesOfContacts(QueryGateway queries) {
        this.queries = queries;
    }

    /** @param references case references, any of them null or repeated */
    public List<CaseSummary> of(Stream<String> references) {
        List<String> distinct = references.filter(Objects::nonNull).distinct().toList();
        return distinct.isEmpty()
                ? List.of()
                : queries.query(new FindCaseSummaries(distinct), ResponseTypes.multipleInstancesOf(CaseSummary.class))
                        .join();
    }
}
