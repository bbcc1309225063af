package uk.police.bluelamp.casework.victimsupport;

import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.casefile.event.VictimSupportReferralFailed;
import uk.police.bluelamp.messages.casefile.event.VictimSupportReferralRequested;
import uk.police.bluelamp.messages.casefile.event.VictimSupportReferralSent;
import uk.police.bluelamp.platform.readmodel.ReadModel;

/**
 * Which referrals the service has not yet accepted, for the retries. Ids and times only. A sent
 * referral is never made pending again by a late failure (attempts only grow).
 */
@Component
@ProcessingGroup(ReferralQueueProjection.PROCESSING_GROUP)
@ReadModel(tables = "victim_support_referral", holdsPersonalData = false)
class ReferralQueueProjection {

    static final String PROCESSING_GROUP = "victim-support-referrals";

    private final JdbcClient jdbc;

    ReferralQueueProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ResetHandler
    void reset() {
        jdbc.sql("delete from victim_support_referral").update();
    }

    @EventHandler
    void on(VictimSupportReferralRequested event) {
        jdbc.sql("""
                insert into victim_support_referral (referral_id, reference, status, attempts, last_attempt_at)
                values (:id, :reference, 'PENDING', 0, :at) on conflict (referral_id) do nothing
                """)
                .param("id", event.referralId())
                .param("reference", event.reference())
                .param("at", Timestamp.from(event.at()))
                .update();
    }

    @EventHandler
    void on(VictimSupportReferralFailed event) {
        jdbc.sql("""
                update victim_support_referral set status = 'FAILED', attempts = :attempt, last_attempt_at = :at
                where referral_id = :id and status <> 'SENT' and attempts < :attempt
                """)
                .param("id", event.referralId())
                .param("attempt", event.attempt())
                .param("at", Timestamp.from(event.at()))
                .update();
    }

    @EventHandler
    void on(VictimSupportReferralSent event) {
        jdbc.sql("""
                update victim_support_referral set status = 'SENT', attempts = :attempt, last_attempt_at = :at
                where referral_id = :id
                """)
                .param("id", event.referralId())
                .param("attempt", event.attempt())
                .param("at", Timestamp.from(event.at()))
                .update();
    }
}
