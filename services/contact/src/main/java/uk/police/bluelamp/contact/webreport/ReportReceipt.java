package uk.police.bluelamp.contact.webreport;

import java.time.Instant;

/** What the citizen gets back at once: the tracking code is shown this one time only. */
record ReportReceipt(String reference, String trackingCode, Instant nextUpdateDue) {
}
