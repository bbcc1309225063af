package uk.police.bluelamp.contact.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.messages.contact.Language;

/** A caller who chose Welsh at the telephony menu is put in a Welsh queue: their call is a Welsh contact. */
class CallerLanguageTest {

    @Test
    void aCallInAWelshQueueIsWelshAndAnyOtherEnglish() {
        CtiSettings settings = new CtiSettings();
        assertThat(settings.languageOf(" Cymraeg ")).isEqualTo(Language.WELSH);
        assertThat(settings.languageOf("general")).isEqualTo(Language.ENGLISH);
        assertThat(settings.languageOf(null)).isEqualTo(Language.ENGLISH);
        settings.setWelshQueues(List.of("101-cy"));
        assertThat(settings.languageOf("101-CY")).isEqualTo(Language.WELSH);
        assertThat(settings.languageOf("welsh")).isEqualTo(Language.ENGLISH);
    }
}
