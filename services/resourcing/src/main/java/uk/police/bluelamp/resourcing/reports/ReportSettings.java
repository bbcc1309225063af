package uk.police.bluelamp.resourcing.reports;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the reports count. A contact that leaves within {@code shortAbandon} of being offered is a
 * short abandon: counted, but shown apart, since nobody could have answered it. Ten seconds by
 * default: a 101 caller who hears the 999 signpost and hangs up to dial 999 has done the right
 * thing, and so has a citizen who closes a chat they opened by mistake; both leave within
 * seconds, and a planner does not hold the queue to account for them.
 */
@ConfigurationProperties("bluelamp.reports")
record ReportSettings(@DefaultValue("PT10S") Duration shortAbandon) {}
