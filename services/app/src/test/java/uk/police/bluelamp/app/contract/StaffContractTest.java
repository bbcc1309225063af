package uk.police.bluelamp.app.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.app.Api;
import uk.police.bluelamp.app.IntegrationTest;
import uk.police.bluelamp.app.security.AccessMatrix;

/**
 * The staff side of the contract, and the refusals of both sides: every staff answer is a typed
 * record, and every operation lists the problem details it may answer, so the frontend's
 * generated types cover the staff pages and an integrator knows each refusal before meeting it.
 */
class StaffContractTest extends IntegrationTest {

    private static final List<String> STAFF_PREFIXES = List.of("/api/v1/staff/", "/api/v1/audit/", "/api/v1/admin/");

    @Test
    void everyStaffAnswerIsATypedRecord() {
        JsonNode docs = document();
        List<String> gaps = new ArrayList<>();
        operations(docs).forEach(operation -> {
            if (!operation.staff()) {
                return;
            }
            operation.body().path("responses").fields().forEachRemaining(response -> {
                if (!response.getKey().startsWith("2")) {
                    return;
                }
                response.getValue().path("content").fields().forEachRemaining(media -> {
                    if (media.getKey().equals("application/json")) {
                        gaps.addAll(typeGaps(
                                docs,
                                operation + " " + response.getKey(),
                                media.getValue().path("schema")));
                    }
                });
            });
        });
        assertThat(gaps).as("staff answers without a typed schema").isEmpty();
    }

    /**
     * Being reworked in parallel with this test (issue 13: THRIVE triage and retention reviews
     * in one place); the lead removes this list when the two branches meet.
     */
    /** The public rules (PublicContractTest), for every staff, audit and admin request body. */
    @Test
    void everyStaffRequestSchemaSaysWhatTheServerAccepts() {
        JsonNode docs = document();
        List<String> gaps = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        operations(docs).forEach(operation -> {
            JsonNode body = operation.body().path("requestBody");
            // A file upload's body is the file itself (application/octet-stream): no fields to describe.
            if (!operation.staff()
                    || body.isMissingNode()
                    || body.path("content").path("application/json").isMissingNode()) {
                return;
            }
            checked.add(operation.toString());
            JsonNode schema = PublicContractTest.resolve(
                    docs, body.path("content").path("application/json").path("schema"));
            gaps.addAll(RequestSchemaRules.gaps(operation.toString(), schema, docs));
        });
        assertThat(checked).as("staff request bodies found in the document").hasSizeGreaterThan(10);
        assertThat(gaps)
                .as("staff request schemas lacking what the server checks")
                .isEmpty();
    }

    @Test
    void everyOperationListsTheProblemsItMayAnswer() {
        JsonNode docs = document();
        Set<String> asksReason = asksReason();
        List<String> gaps = new ArrayList<>();
        Set<String> documentedReason = new HashSet<>();
        operations(docs).forEach(operation -> {
            JsonNode body = operation.body();
            List<String> expected = new ArrayList<>();
            // The reason header is the 428's business, not a 400's.
            boolean takesInput = body.has("requestBody")
                    || StreamSupport.stream(body.path("parameters").spliterator(), false)
                            .anyMatch(p -> !p.path("in").asText().equals("header"));
            if (takesInput) {
                expected.add("400");
            }
            if (StreamSupport.stream(body.path("parameters").spliterator(), false)
                    .anyMatch(p -> p.path("in").asText().equals("path"))) {
                expected.add("404");
            }
            if (!operation.method().equals("get")) {
                expected.add("409");
            }
            if (asksReason.contains(operation.toString())) {
                expected.add("428");
            }
            if (!operation.staff()) {
                expected.add("429");
            }
            for (String status : expected) {
                JsonNode answer = body.path("responses").path(status);
                if (answer.isMissingNode()) {
                    gaps.add(operation + " does not list " + status);
                    continue;
                }
                boolean typed = false;
                for (JsonNode media : answer.path("content")) {
                    typed |= PublicContractTest.resolve(docs, media.path("schema"))
                            .has("properties");
                }
                if (!typed) {
                    gaps.add(operation + " " + status + " has no typed problem: " + answer);
                }
            }
            if (body.path("responses").has("428")) {
                documentedReason.add(operation.toString());
            }
        });
        assertThat(gaps)
                .as("refusals an operation may answer but does not list")
                .isEmpty();
        assertThat(documentedReason)
                .as("the operations that may ask a reason are those docs/access-matrix.md says do")
                .containsExactlyInAnyOrderElementsOf(asksReason);
    }

    @Test
    void aProblemNamesTheFieldsToFixAndWhetherAReasonIsNeeded() {
        JsonNode docs = document();
        JsonNode problem = docs.path("components").path("schemas").path("Problem");
        assertThat(problem.path("properties").fieldNames())
                .toIterable()
                .contains("type", "title", "status", "detail", "errors", "reasonRequired");
        JsonNode fieldError = PublicContractTest.resolve(
                docs, problem.path("properties").path("errors").path("items"));
        assertThat(fieldError.path("properties").fieldNames()).toIterable().containsExactly("field", "message");
        assertThat(fieldError.path("required")).hasSize(2);
    }

    /** Rows a staff member may need a reason for, or whose look is logged (docs/access-matrix.md). */
    private static Set<String> asksReason() {
        Set<String> routes = new TreeSet<>();
        for (AccessMatrix.Row row : AccessMatrix.read().rows()) {
            if (row.logged() || row.cells().values().stream().anyMatch("reason"::equals)) {
                row.paths().forEach(path -> routes.add(row.method().toLowerCase(Locale.ROOT) + " " + path));
            }
        }
        return routes;
    }

    private static List<String> typeGaps(JsonNode docs, String where, JsonNode schema) {
        JsonNode resolved = PublicContractTest.resolve(docs, schema);
        if (resolved.path("type").asText().equals("array")) {
            JsonNode items = PublicContractTest.resolve(docs, resolved.path("items"));
            return items.path("type").asText().equals("string") ? List.of() : typeGaps(docs, where + "[]", items);
        }
        List<String> gaps = new ArrayList<>();
        List<JsonNode> parts = new ArrayList<>();
        resolved.path("allOf").forEach(part -> parts.add(PublicContractTest.resolve(docs, part)));
        if (parts.isEmpty()) {
            parts.add(resolved);
        }
        for (JsonNode part : parts) {
            if (!part.has("properties")) {
                gaps.add(where + " has no typed schema: " + schema);
                continue;
            }
            part.path("properties").fields().forEachRemaining(p -> {
                JsonNode property = PublicContractTest.resolve(docs, p.getValue());
                if (!property.has("type")) {
                    gaps.add(where + "." + p.getKey() + " has no type");
                }
            });
        }
        return gaps;
    }

    private record Operation(String method, String path, JsonNode body) {

        boolean staff() {
            return STAFF_PREFIXES.stream().anyMatch(path::startsWith);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static List<Operation> operations(JsonNode docs) {
        List<Operation> operations = new ArrayList<>();
        docs.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
                    if (!method.getKey().equals("parameters")) {
                        operations.add(new Operation(method.getKey(), path.getKey(), method.getValue()));
                    }
                }));
        return operations;
    }

    private JsonNode document() {
        Api.Response docs = new Api(port).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        return docs.body();
    }
}
