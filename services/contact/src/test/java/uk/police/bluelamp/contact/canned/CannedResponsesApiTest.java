package uk.police.bluelamp.contact.canned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import uk.police.bluelamp.contact.ContactIntegrationTest;

/**
 * The canned responses' HTTP API on the module's own beans: the policed JSON reader and every
 * error advice, as in the app. The app's AccessMatrixTest covers the security rules in front.
 */
class CannedResponsesApiTest extends ContactIntegrationTest {

    private static final String MANAGE = "/api/v1/staff/supervisor/canned-responses";
    private static final String LIST = "/api/v1/staff/canned-responses";

    @Autowired
    private CannedResponseController controller;

    @Autowired
    private MappingJackson2HttpMessageConverter policedJson;

    @Autowired
    private ApplicationContext context;

    private final ObjectMapper json = new ObjectMapper();
    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.standaloneSetup(controller)
                .setMessageConverters(policedJson)
                .setControllerAdvice(context.getBeansWithAnnotation(RestControllerAdvice.class)
                        .values()
                        .toArray())
                .build();
        jdbc.sql("delete from canned_response").update();
    }

    @Test
    void aSupervisorAddsEditsAndRemovesAResponseAndEachChangeIsListedAtOnce() throws Exception {
        JsonNode added = body(as(
                "supervisor",
                "SUPERVISOR",
                post(MANAGE),
                Map.of(
                        "title",
                        "  Greeting ",
                        "text",
                        "Hello {citizenName}, I am {handlerName}.\nYour reference is {reference}.")));
        String id = added.path("id").asText();
        assertThat(added.path("title").asText()).isEqualTo("Greeting");
        assertThat(titles()).containsExactly("Greeting");

        assertThat(as("supervisor", "SUPERVISOR", put(MANAGE + "/" + id), Map.of("title", "Welcome", "text", "Hi"))
                        .getStatus())
                .isEqualTo(200);
        JsonNode listed = list().get(0);
        assertThat(listed.path("title").asText()).isEqualTo("Welcome");
        assertThat(listed.path("text").asText()).isEqualTo("Hi");

        assertThat(as("supervisor", "SUPERVISOR", delete(MANAGE + "/" + id), null)
                        .getStatus())
                .isEqualTo(204);
        assertThat(titles()).isEmpty();
        assertThat(as("supervisor", "SUPERVISOR", delete(MANAGE + "/" + id), null)
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void badInputIsRefusedWithFieldErrorsAndChangesNothing() throws Exception {
        body(as("supervisor", "SUPERVISOR", post(MANAGE), Map.of("title", "Closing", "text", "Goodbye")));
        assertError(Map.of("title", "closing", "text", "Bye"), "title", "already a canned response with this title");
        assertError(Map.of("title", "", "text", "Hi"), "title", "Enter a title");
        assertError(Map.of("title", "x".repeat(10_000), "text", "Hi"), "title", "60 characters or fewer");
        assertError(Map.of("title", "Nul", "text", "Hi\u0000there"), "text", "");
        assertError(Map.of("title", "Two\nlines", "text", "Hi"), "title", "");
        assertError(
                Map.of("title", "Typo", "text", "Hello {citizenNmae} and {name}"),
                "text",
                "There are no placeholders {citizenNmae}, {name}. Use only {citizenName}, {handlerName} or {reference}");
        assertError(Map.of("title", "Brace", "text", "Hello {citizenName"), "text", "Curly brackets are only for");
        assertThat(titles()).containsExactly("Closing");
    }

    @Test
    void aHandlerReadsTheResponsesButCannotManageThem() throws Exception {
        String id = body(as("supervisor", "SUPERVISOR", post(MANAGE), Map.of("title", "Wait", "text", "One moment")))
                .path("id")
                .asText();
        assertThat(as("handler", "HANDLER", post(MANAGE), Map.of("title", "Mine", "text", "Hi"))
                        .getStatus())
                .isEqualTo(403);
        assertThat(as("handler", "HANDLER", put(MANAGE + "/" + id), Map.of("title", "Mine", "text", "Hi"))
                        .getStatus())
                .isEqualTo(403);
        assertThat(as("handler", "HANDLER", delete(MANAGE + "/" + id), null).getStatus())
                .isEqualTo(403);
        assertThat(json.readTree(as("handler", "HANDLER", get(LIST), null).getContentAsString())
                        .get(0)
                        .path("text")
                        .asText())
                .isEqualTo("One moment");
    }

    private void assertError(Map<String, String> request, String field, String message) throws Exception {
        MockHttpServletResponse answer = as("supervisor", "SUPERVISOR", post(MANAGE), request);
        assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(400);
        JsonNode error =
                json.readTree(answer.getContentAsString()).path("errors").get(0);
        assertThat(error.path("field").asText()).isEqualTo(field);
        assertThat(error.path("message").asText()).contains(message);
    }

    private List<String> titles() throws Exception {
        return list().findValuesAsText("title");
    }

    private JsonNode list() throws Exception {
        return json.readTree(as("supervisor", "SUPERVISOR", get(LIST), null).getContentAsString());
    }

    private JsonNode body(MockHttpServletResponse answer) throws Exception {
        assertThat(answer.getStatus()).as(answer.getContentAsString()).isEqualTo(201);
        return json.readTree(answer.getContentAsString());
    }

    private MockHttpServletResponse as(String who, String role, MockHttpServletRequestBuilder request, Object body)
            throws Exception {
        request.principal(new UsernamePasswordAuthenticationToken(
                who, null, List.of(new SimpleGrantedAuthority("ROLE_" + role))));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
        }
        return mvc.perform(request).andReturn().getResponse();
    }
}
