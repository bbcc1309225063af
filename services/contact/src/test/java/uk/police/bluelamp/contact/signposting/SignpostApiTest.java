package uk.police.bluelamp.contact.signposting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import uk.police.bluelamp.contact.ContactIntegrationTest;

/** A refused signpost is explained in the language the citizen's pages are in (docs/welsh.md). */
class SignpostApiTest extends ContactIntegrationTest {

    @Autowired
    private SignpostController controller;

    @Autowired
    private MappingJackson2HttpMessageConverter policedJson;

    @Autowired
    private ApplicationContext context;

    @Test
    void anUnknownReasonIsRefusedInTheCitizensLanguage() throws Exception {
        assertThat(refusal("cy")).isEqualTo("Dewiswch o’r rhestr am beth mae’r adroddiad");
        assertThat(refusal("en-GB")).isEqualTo("Select what it is about from the list");
    }

    private String refusal(String language) throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(controller)
                .setMessageConverters(policedJson)
                .setControllerAdvice(context.getBeansWithAnnotation(RestControllerAdvice.class)
                        .values()
                        .toArray())
                .build();
        MockHttpServletResponse answer = mvc.perform(post("/api/v1/signposts")
                        .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"PARKING\"}"))
                .andReturn()
                .getResponse();
        assertThat(answer.getStatus()).isEqualTo(400);
        JsonNode errors =
                new ObjectMapper().readTree(answer.getContentAsString()).path("errors");
        assertThat(errors.get(0).path("field").asText()).isEqualTo("reason");
        return errors.get(0).path("message").asText();
    }
}
