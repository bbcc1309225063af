package uk.police.bluelamp.app.limits;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * bluelamp.rate-limits: how many requests a client (its address) and a reference (a case
 * reference or chat id) may make to each group of public endpoints in a period.
 */
@ConfigurationProperties("bluelamp.rate-limits")
record RateLimitSettings(
        Rule report,
        Rule chatStart,
        Rule chat,
        Rule callback,
        Rule tracking,
        /** The telephony platform's webhook, per address of the platform. */
        Rule cti,
        /** The public monthly figures (open data). */
        Rule figures,
        /** GOV.UK Notify's received-text callback, per address of Notify's senders. */
        Rule inboundSms,
        /** The inbound email provider's webhook, per address of its senders. */
        Rule inboundEmail,
        /** Counting a citizen pointed to another service before a report (issue 16). */
        Rule signpost,
        /** Files sent by citizens, from the tracking page or in a chat: each is scanned and stored. */
        Rule evidence,
        /** The demo's password form: every attempt per client, failed ones per username. */
        SignIn signIn) {

    record Rule(Limit perClient, Limit perReference) {}

    record SignIn(Limit perClient, Limit perUsername) {}

    /** capacity requests, refilled evenly over period. */
    record Limit(long capacity, Duration period) {

        Limit {
            if (capacity < 1 || period == null || period.isZero() || period.isNegative()) {
                throw new IllegalArgumentException("A rate limit needs a capacity of at least 1 and a positive period");
            }
        }
    }
}
