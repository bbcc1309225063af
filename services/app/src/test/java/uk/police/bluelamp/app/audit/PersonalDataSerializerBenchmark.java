package uk.police.bluelamp.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * What the personal-data encryption costs a reader: deserialising stored events through the
 * event serializer (decrypting, key cached) against Axon's plain Jackson serializer, for an
 * event with personal data and one without. Not part of the build; run with
 * ./mvnw -o test -pl services/app -am -Dtest=PersonalDataSerializerBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 */
class PersonalDataSerializerBenchmark extends AuditSupport {

    static final int ROUNDS = Integer.getInteger("bluelamp.benchmark.events", 200_000);

    @Autowired
    @Qualifier("eventSerializer")
    Serializer events;

    @Autowired
    @Qualifier("serializer")
    Serializer plain;

    @Test
    void deserialiseWithAndWithoutPersonalData() {
        String reference = reportedCase(handler());
        getWithReason(auditor(), "/api/v1/audit/cases/" + reference + "/history", "benchmark");
        List<Map<String, Object>> rows = jdbc.sql("""
                (select payload, payload_type from domain_event_entry where payload_type like '%.ContactReceived'
                 order by global_index desc limit 1)
                union all
                (select payload, payload_type from domain_event_entry where payload_type like '%.CaseViewed'
                 order by global_index desc limit 1)
                """).query().listOfRows();
        assertThat(rows).hasSize(2);
        for (Map<String, Object> row : rows) {
            byte[] payload = (byte[]) row.get("payload");
            String type = (String) row.get("payload_type");
            SimpleSerializedObject<byte[]> stored = new SimpleSerializedObject<>(payload, byte[].class, type, null);
            // The baseline reads the same event as plain Jackson would have stored it, unencrypted.
            Object event = events.deserialize(stored);
            SimpleSerializedObject<byte[]> unencrypted = new SimpleSerializedObject<>(
                    plain.serialize(event, byte[].class).getData(), byte[].class, type, null);
            for (int warm = 0; warm < 2; warm++) {
                double wrapped = perSecond(events, stored);
                double jackson = perSecond(plain, unencrypted);
                System.out.printf(
                        "%s (%d bytes): event serializer %,.0f/s, plain Jackson %,.0f/s, ratio %.2f%n",
                        type.substring(type.lastIndexOf('.') + 1), payload.length, wrapped, jackson, wrapped / jackson);
            }
        }
    }

    private static double perSecond(Serializer serializer, SimpleSerializedObject<byte[]> stored) {
        long started = System.nanoTime();
        for (int i = 0; i < ROUNDS; i++) {
            serializer.deserialize(stored);
        }
        return ROUNDS / ((System.nanoTime() - started) / 1e9);
    }
}
