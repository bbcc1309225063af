package uk.police.bluelamp.app.process;

import org.junit.jupiter.api.Test;

/**
 * The citizen's side and their data: journey.mjs (a citizen reports and tracks, a handler finds
 * the report), hostile.mjs (script typed by citizens and staff stays text) and
 * dataprotection.mjs (an administrator exports a citizen's data, erases it, and waits until no
 * read model holds it).
 */
class CitizenJourneysIT extends BrowserJourneys {

    @Test
    void aCitizenReportsAndTracksAndAHandlerFindsTheReport() throws Exception {
        runJourney("journey.mjs");
    }

    @Test
    void scriptAndHtmlTypedByCitizensAndStaffIsShownAsTextEverywhereAndNeverRuns() throws Exception {
        runJourney("hostile.mjs");
    }

    @Test
    void anAdministratorExportsACitizensDataThenErasesItAndTheAuditTrailShowsErased() throws Exception {
        runJourney("dataprotection.mjs");
    }
}
