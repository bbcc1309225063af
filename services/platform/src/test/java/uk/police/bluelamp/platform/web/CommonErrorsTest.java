package uk.police.bluelamp.platform.web;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The shapes the frontend and the integration tests read: status, title, detail and errors. */
class CommonErrorsTest {

    @RestController
    static class Throwing {

        @GetMapping("/fields")
        void fields() {
            throw new InvalidRequest(
                    List.of(new FieldError("note", "Enter a note"), new FieldError("team", "Too long")));
        }

        @GetMapping("/titled-fields")
        void titledFields() {
            throw new InvalidRequest(
                    "There is a problem with the report", "Sums it up", List.of(new FieldError("a", "b")));
        }

        @GetMapping("/argument")
        void argument() {
            throw new IllegalArgumentException("Choose a status");
        }

        @GetMapping("/clash")
        void clash() {
            throw new ConcurrencyException("clash");
        }

        @GetMapping("/null")
        void nullPointer() {
            throw new NullPointerException("status is required");
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Throwing())
            .setControllerAdvice(new CommonErrors())
            .build();

    @Test
    void fieldErrorsAreA400ListingEachField() throws Exception {
        mvc.perform(get("/fields"))
                .andExpect(status().isBadRequest())
                .andExpect(content().json("""
                {"status":400,"title":"There is a problem","errors":[
                  {"field":"note","message":"Enter a note"},{"field":"team","message":"Too long"}]}
                """));
    }

    @Test
    void aFormMayTitleItsErrorsAndSumThemUp() throws Exception {
        mvc.perform(get("/titled-fields"))
                .andExpect(status().isBadRequest())
                .andExpect(content().json("""
                {"status":400,"title":"There is a problem with the report","detail":"Sums it up",
                 "errors":[{"field":"a","message":"b"}]}
                """));
    }

    @Test
    void aRefusedValueIsA400WithItsMessage() throws Exception {
        mvc.perform(get("/argument"))
                .andExpect(status().isBadRequest())
                .andExpect(content().json("""
                {"status":400,"title":"There is a problem","detail":"Choose a status"}
                """));
    }

    @Test
    void aClashIsA409() throws Exception {
        mvc.perform(get("/clash"))
                .andExpect(status().isConflict())
                .andExpect(content().json("""
                {"status":409,"title":"Changed at the same moment"}
                """));
    }

    @Test
    void aNullPointerIsNotAnsweredAsTheSendersMistake() {
        assertThatThrownBy(() -> mvc.perform(get("/null"))).hasRootCauseInstanceOf(NullPointerException.class);
    }
}
