package uk.police.bluelamp.casework.victimsupport;

import java.util.Objects;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.police.bluelamp.messages.casefile.event.VictimSupportReferralFailed;
import uk.police.bluelamp.messages.casefile.event.VictimSupportReferralRequested;
import uk.police.bluelamp.messages.casefile.event.VictimSupportReferralSent;
import uk.police.bluelamp.platform.readmodel.BatchedWrites;
import uk.police.bluelamp.platform.readmodel.ReadModel;

/**
 * Which referrals the service has not yet accepted, for the retries. Ids and times only. A sent
 * referral is never made pending again by a late failure (attempts only grow). A batch's changes
 * are gathered per referral and written in a few statements (ReferralChanges).
 */
@Component
@ProcessingGroup(ReferralQueueProjection.PROCESSING_GROUP)
@ReadModel(tables = "victim_support_referral", holdsPersonalData = false)
class ReferralQueueProjection {

    static final String PROCESSING_GROUP = "victim-support-referrals";

    private final JdbcTemplate jdbc;
    private final BatchedWrites<ReferralChanges> writes;

    ReferralQueueProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.writes = new BatchedWrites<>(jdbc, ReferralQueueProjection.class, ReferralChanges::new);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from victim_support_referral");
    }

    @EventHandler
    void on(VictimSupportReferralRequested event, @MessageIdentifier String eventId) {
        Objects.requireNonNull(event.at());
        writes.write(eventId, changes -> changes.requested(event.referralId(), event.reference(), event.at()));
    }

    @EventHandler
    void on(VictimSupportReferralFailed event, @MessageIdentifier String eventId) {
        Objects.requireNonNull(event.at());
        writes.write(eventId, changes -> changes.failed(event.referralId(), event.attempt(), event.at()));
    }

    @EventHandler
    void on(VictimSupportReferralSent event, @MessageIdentifier String eventId) {
        Objects.requireNonNull(event.at());
        writes.write(eventId, changes -> changes.sent(event.referralId(), event.attempt(), event.at()));
    }
}
