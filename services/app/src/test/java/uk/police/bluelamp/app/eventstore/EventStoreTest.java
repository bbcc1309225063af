package uk.police.bluelamp.app.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.app.Api;
import uk.police.bluelamp.app.IntegrationTest;

class EventStoreTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    record StoredEvent(String aggregate, String type, JsonNode payload, JsonNode metadata) {}

    @Test
    void aReportIsAContactReceivedAndACaseOpenedSharingOneCorrelationId() throws Exception {
        Api.Response created = api().report(Api.validReport());
        String reference = created.text("reference");

        List<StoredEvent> events = jdbc.sql("""
                        select aggregate_identifier, payload_type, convert_from(payload, 'UTF8') as payload,
                               convert_from(meta_data, 'UTF8') as meta_data
                        from domain_event_entry
                        where aggregate_identifier = :reference
                           or convert_from(payload, 'UTF8') like '%' || :reference || '%'
                        order by global_index
                        """)
                .param("reference", reference)
                .query((rs, n) ->
                        new StoredEvent(rs.getString(1), rs.getString(2), read(rs.getString(3)), read(rs.getString(4))))
                .list();

        assertThat(events)
                .extracting(StoredEvent::type)
                .containsExactly(
                        "uk.police.bluelamp.messages.contact.ContactReceived",
                        "uk.police.bluelamp.messages.casefile.CaseOpened");
        assertThat(events).allSatisfy(event -> {
            assertThat(event.metadata().path("channel").asText()).isEqualTo("WEB");
            assertThat(event.metadata().path("actor").asText()).isEqualTo("citizen");
        });
        assertThat(events.get(0).metadata().path("correlationId").asText())
                .isNotBlank()
                .isEqualTo(events.get(1).metadata().path("correlationId").asText());
        assertThat(events.get(0).metadata().path("causationId").asText())
                .isNotBlank()
                .isNotEqualTo(events.get(1).metadata().path("causationId").asText());
        assertThat(events.get(1).payload().path("trackingCodeHash").asText()).hasSize(64);
        assertThat(events.toString()).doesNotContain(created.text("trackingCode"));
    }

    @Test
    void everySerializedColumnIsByteaNeverOid() {
        long oidColumns = jdbc.sql("""
                        select count(*) from information_schema.columns
                        where table_schema = 'public' and data_type = 'oid'
                        """).query(Long.class).single();
        List<String> byteaColumns = jdbc.sql("""
                        select table_name || '.' || column_name from information_schema.columns
                        where table_schema = 'public' and data_type = 'bytea' order by 1
                        """).query(String.class).list();
        assertThat(oidColumns).isZero();
        assertThat(byteaColumns)
                .contains(
                        "domain_event_entry.payload",
                        "domain_event_entry.meta_data",
                        "snapshot_event_entry.payload",
                        "token_entry.token");
    }

    @Test
    void postgresqlFlushesEveryCommitToDisk() {
        assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
        assertThat(jdbc.sql("show synchronous_commit").query(String.class).single())
                .isEqualTo("on");
        assertThat(jdbc.sql("show server_version").query(String.class).single()).startsWith("17.");
    }

    @Test
    void projectionTokensAreKeptInPostgresql() {
        // Each processor claims its tokens from its own thread once started, perhaps after the context is up.
        await().untilAsserted(() -> assertThat(jdbc.sql("select distinct processor_name from token_entry order by 1")
                        .query(String.class)
                        .list())
                .contains("case-tracking", "queue", "chat", "contact-view"));
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
