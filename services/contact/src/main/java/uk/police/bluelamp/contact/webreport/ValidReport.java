package uk.police.bluelamp.contact.webreport;

import uk.police.bluelamp.messages.casefile.UpdatePreference;
import uk.police.bluelamp.messages.contact.ReportDetails;
import uk.police.bluelamp.messages.contact.Reporter;

/** A report that passed every rule, in the shapes the messages use. */
record ValidReport(ReportDetails details, Reporter reporter, UpdatePreference updatePreference) {}
