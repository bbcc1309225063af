package uk.police.bluelamp.contact.webreport;

import uk.police.bluelamp.messages.text.MultiLine;

/**
 * A report as submitted. Everything arrives as text so that a wrong value (an unknown
 * category, a date like 31/02) becomes an error beside its field rather than an unreadable body.
 */
record ReportForm(
        String category,
        @MultiLine String description,
        String location,
        String occurredOn,
        String occurredTime,
        Boolean anyoneInDanger,
        String name,
        String email,
        String phone,
        String updateChannel,
        String updateFrequency) {
}
