package uk.police.bluelamp.app.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.app.Api;
import uk.police.bluelamp.app.IntegrationTest;

/**
 * The OpenAPI document is the contract with integrators and with the frontend, whose types are
 * generated from the committed copy (frontend/openapi.json): every public request says what the
 * server will accept, and the committed copy is the running app's own.
 */
class PublicContractTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The citizen's endpoints (docs/access-matrix.md) whose bodies the server checks. */
    static final List<String> PUBLIC_REQUESTS = List.of(
            "post /api/v1/reports",
            "post /api/v1/chats",
            "post /api/v1/chats/{contactId}/messages",
            "post /api/v1/callbacks",
            "put /api/v1/cases/{reference}/update-preference",
            "post /api/v1/cases/{reference}/messages");

    /** Every public operation's success answer is a typed schema, not "object". */
    static final Map<String, String> PUBLIC_ANSWERS = Map.of(
            "post /api/v1/reports", "201",
            "post /api/v1/chats", "201",
            "get /api/v1/chats/{contactId}", "200",
            "post /api/v1/chats/{contactId}/messages", "200",
            "post /api/v1/callbacks", "201",
            "get /api/v1/cases/{reference}/tracking", "200",
            "post /api/v1/cases/{reference}/messages", "201");

    @Test
    void everyPublicRequestSchemaSaysWhatTheServerAccepts() {
        JsonNode docs = document();
        List<String> gaps = new ArrayList<>();
        for (String operation : PUBLIC_REQUESTS) {
            JsonNode body = operation(docs, operation)
                    .path("requestBody")
                    .path("content")
                    .path("application/json")
                    .path("schema");
            JsonNode schema = resolve(docs, body);
            gaps.addAll(RequestSchemaRules.gaps(operation, schema, docs));
        }
        assertThat(gaps)
                .as("public request schemas lacking what the server checks")
                .isEmpty();
    }

    @Test
    void everyPublicAnswerIsATypedRecord() {
        JsonNode docs = document();
        List<String> gaps = new ArrayList<>();
        PUBLIC_ANSWERS.forEach((operation, status) -> {
            JsonNode content =
                    operation(docs, operation).path("responses").path(status).path("content");
            JsonNode schema = content.isEmpty()
                    ? content
                    : resolve(docs, content.elements().next().path("schema"));
            if (!schema.has("properties")) {
                gaps.add(operation + " " + status + " has no typed schema: " + schema);
                return;
            }
            schema.path("properties").fields().forEachRemaining(p -> {
                JsonNode property = resolve(docs, p.getValue());
                if (!property.has("type")) {
                    gaps.add(operation + " " + status + "." + p.getKey() + " has no type");
                }
            });
        });
        assertThat(gaps).as("public answers without a typed schema").isEmpty();
    }

    @Test
    void theCommittedDocumentIsTheAppsOwn() throws IOException {
        ObjectNode docs = (ObjectNode) document();
        // The test server's random port is no part of the contract.
        docs.remove("servers");
        String served = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(docs) + "\n";
        Path committed = Path.of(System.getProperty("user.dir"))
                .resolve("../../frontend/openapi.json")
                .normalize();
        String onDisk = Files.exists(committed) ? Files.readString(committed) : "";
        if (!served.equals(onDisk)) {
            Files.writeString(committed, served);
        }
        assertThat(onDisk)
                .as("frontend/openapi.json was out of date; it is now rewritten: review and commit it")
                .isEqualTo(served);
    }

    private JsonNode document() {
        Api.Response docs = new Api(port).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        return docs.body();
    }

    private static JsonNode operation(JsonNode docs, String operation) {
        String[] parts = operation.split(" ", 2);
        JsonNode found = docs.path("paths").path(parts[1]).path(parts[0]);
        assertThat(found.isMissingNode()).as(operation + " is in the document").isFalse();
        return found;
    }

    static JsonNode resolve(JsonNode docs, JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        if (ref.isEmpty()) {
            return schema;
        }
        return docs.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    }
}
