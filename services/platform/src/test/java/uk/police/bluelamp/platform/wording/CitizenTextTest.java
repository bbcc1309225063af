package uk.police.bluelamp.platform.wording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import uk.police.bluelamp.messages.contact.Language;

/** Every message the server says to citizens exists in English and in Welsh, and each can be said. */
class CitizenTextTest {

    @AfterEach
    void noLanguage() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Set<String> english = load("").stringPropertyNames();
        Set<String> welsh = load("_cy").stringPropertyNames();
        assertThat(welsh).as("keys with no Welsh").containsAll(english);
        assertThat(english).as("keys with no English").containsAll(welsh);
    }

    @Test
    void everyMessageSaysItselfInBothLanguagesWithItsValues() throws IOException {
        for (String key : load("").stringPropertyNames()) {
            String english = CitizenText.say(Language.ENGLISH, key, 5000);
            String welsh = CitizenText.say(Language.WELSH, key, 5000);
            // A straight apostrophe would have eaten the rest of the message (MessageFormat quoting).
            assertThat(english).as(key).doesNotContain("{").isNotBlank();
            assertThat(welsh).as(key).doesNotContain("{").isNotBlank();
        }
        assertThat(CitizenText.say(Language.WELSH, "field.tooLong", 5000)).contains("5000 o gymeriadau");
    }

    @Test
    void theRequestsLanguageIsWelshOnlyWhenAskedFor() {
        assertThat(CitizenText.language()).isEqualTo(Language.ENGLISH);
        assertThat(CitizenText.say("chat.text.required")).isEqualTo("Enter a message");
        LocaleContextHolder.setLocale(Locale.forLanguageTag("cy-GB"));
        assertThat(CitizenText.language()).isEqualTo(Language.WELSH);
        assertThat(CitizenText.say("chat.text.required")).isEqualTo("Rhowch neges");
        LocaleContextHolder.setLocale(Locale.FRENCH);
        assertThat(CitizenText.say("chat.text.required")).isEqualTo("Enter a message");
    }

    private static Properties load(String suffix) throws IOException {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(
                CitizenTextTest.class.getResourceAsStream("/" + CitizenText.BUNDLE + suffix + ".properties"),
                StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
