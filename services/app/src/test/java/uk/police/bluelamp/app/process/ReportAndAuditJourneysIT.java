package uk.police.bluelamp.app.process;

import org.junit.jupiter.api.Test;

/**
 * journey.mjs: a citizen reports and tracks, a handler finds the report; audit.mjs: an auditor's
 * case trail, point in time, replay and integrity check.
 */
class ReportAndAuditJourneysIT extends BrowserJourneys {

    @Test
    void aCitizenReportsAndTracksAndAHandlerFindsTheReport() throws Exception {
        runJourney("journey.mjs");
    }

    @Test
    void anAuditorReadsACasesTrailSeesItAsItWasRebuildsAReadModelAndVerifiesTheLog() throws Exception {
        runJourney("audit.mjs");
    }
}
