package uk.police.bluelamp.contact.webreport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.police.bluelamp.messages.casefile.CitizenDetails;
import uk.police.bluelamp.messages.casefile.command.OpenCase;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.command.ReceiveContact;
import uk.police.bluelamp.platform.command.Commands;
import uk.police.bluelamp.platform.correlation.Correlation;

/**
 * Records an online report: the contact and the case it opens commit in one transaction,
 * with the idempotency record, so a 201 means all of it is durable and none of it is half-done.
 */
@Service
class ReportIntake {

    static final String CITIZEN = "citizen";

    private final Commands commands;
    private final JdbcClient jdbc;
    private final References references;
    private final TrackingCodes trackingCodes;
    private final ObjectMapper json;
    private final Clock clock;

    ReportIntake(
            Commands commands,
            JdbcClient jdbc,
            References references,
            TrackingCodes trackingCodes,
            ObjectMapper json,
            Clock clock) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.references = references;
        this.trackingCodes = trackingCodes;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    ReportReceipt submit(ValidReport report, String idempotencyKey) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String reference = references.next(now);
        Instant nextUpdateDue = report.updatePreference().nextUpdateDue(now);
        String trackingCode;
        if (idempotencyKey == null) {
            trackingCode = trackingCodes.random();
        } else {
            Optional<ReportReceipt> earlier = claim(idempotencyKey, requestHash(report), reference, nextUpdateDue);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            trackingCode = trackingCodes.derive(idempotencyKey, reference);
        }
        String contactId = UUID.randomUUID().toString();
        String correlationId = Correlation.current();
        commands.send(
                new ReceiveContact(
                        contactId,
                        Channel.WEB,
                        reference,
                        report.details(),
                        report.reporter(),
                        report.updatePreference(),
                        now,
                        report.updatePreference().language()),
                CITIZEN,
                Channel.WEB,
                correlationId);
        CitizenDetails citizen = new CitizenDetails(
                report.reporter().name(),
                report.reporter().email(),
                report.reporter().phone());
        commands.send(
                new OpenCase(
                        reference,
                        contactId,
                        Channel.WEB,
                        report.details().category(),
                        trackingCode,
                        report.updatePreference(),
                        citizen,
                        Postcodes.find(report.details().location()),
                        now),
                CITIZEN,
                Channel.WEB,
                correlationId);
        return new ReportReceipt(reference, trackingCode, nextUpdateDue);
    }

    /**
     * Claims the key for this request. A racing request with the same key blocks on the
     * unique index until the first commits, then sees its row and answers with its case.
     */
    private Optional<ReportReceipt> claim(String key, String requestHash, String reference, Instant nextUpdateDue) {
        int claimed = jdbc.sql("""
                insert into report_idempotency (idempotency_key, request_hash, reference, next_update_due)
                values (:key, :hash, :reference, :due)
                on conflict (idempotency_key) do nothing
                """)
                .param("key", key)
                .param("hash", requestHash)
                .param("reference", reference)
                .param("due", Timestamp.from(nextUpdateDue))
                .update();
        if (claimed == 1) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("""
                        select request_hash, reference, next_update_due from report_idempotency
                        where idempotency_key = :key
                        """)
                .param("key", key)
                .query((rs, n) -> {
                    if (!rs.getString("request_hash").equals(requestHash)) {
                        throw new IdempotencyKeyReused();
                    }
                    String earlierReference = rs.getString("reference");
                    return new ReportReceipt(
                            earlierReference,
                            trackingCodes.derive(key, earlierReference),
                            rs.getTimestamp("next_update_due").toInstant());
                })
                .single());
    }

    private String requestHash(ValidReport report) {
        try {
            byte[] canonical = json.writeValueAsBytes(report);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint the report", e);
        }
    }
}
