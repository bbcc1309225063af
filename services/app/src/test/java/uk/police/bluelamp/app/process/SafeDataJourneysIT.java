package uk.police.bluelamp.app.process;

import org.junit.jupiter.api.Test;

/**
 * hostile.mjs: script typed by citizens and staff stays text; dataprotection.mjs: an
 * administrator exports a citizen's data, erases it, and waits until no read model holds it.
 */
class SafeDataJourneysIT extends BrowserJourneys {

    @Test
    void scriptAndHtmlTypedByCitizensAndStaffIsShownAsTextEverywhereAndNeverRuns() throws Exception {
        runJourney("hostile.mjs");
    }

    @Test
    void anAdministratorExportsACitizensDataThenErasesItAndTheAuditTrailShowsErased() throws Exception {
        runJourney("dataprotection.mjs");
    }
}
