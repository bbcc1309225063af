package uk.police.bluelamp.casework.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.police.bluelamp.messages.casefile.CitizenDetails;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.casefile.UpdateFrequency;
import uk.police.bluelamp.messages.casefile.UpdatePreference;
import uk.police.bluelamp.messages.casefile.event.CaseOpened;
import uk.police.bluelamp.messages.casefile.event.UpdatePreferenceChanged;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.Language;
import uk.police.bluelamp.messages.contact.ReportCategory;

/** A citizen who chose Welsh hears in Welsh: the Welsh template where the force has one, else the English. */
class WelshTemplatesTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aWelshCitizenGetsTheWelshTemplateOrTheEnglishWhenThereIsNone() {
        NotifySettings settings = new NotifySettings();
        settings.setEmailTemplateId("english-email");
        settings.setSmsTemplateId("english-sms");
        settings.getCy().setEmailTemplateId("welsh-email");
        settings.setTrackingLink("https://example.org/track");

        assertThat(settings.templateId(NotifySettings.Template.UPDATE_EMAIL, Language.WELSH))
                .isEqualTo("welsh-email");
        assertThat(settings.templateId(NotifySettings.Template.UPDATE_EMAIL, Language.ENGLISH))
                .isEqualTo("english-email");
        assertThat(settings.templateId(NotifySettings.Template.UPDATE_SMS, Language.WELSH))
                .isEqualTo("english-sms");
        assertThat(settings.trackingLink(Language.WELSH)).isEqualTo("https://example.org/track?lang=cy");
        assertThat(settings.trackingLink(Language.ENGLISH)).isEqualTo("https://example.org/track");
    }

    @Test
    void howDidWeDoIsAskedInTheCitizensLanguage() {
        NotifySettings settings = new NotifySettings();
        settings.setSatisfactionEmailTemplateId("english-satisfaction-email");
        settings.setSatisfactionSmsTemplateId("english-satisfaction-sms");
        settings.getCy().setSatisfactionEmailTemplateId("welsh-satisfaction-email");
        settings.setFeedbackLink("https://example.org/feedback");

        assertThat(settings.templateId(NotifySettings.Template.SATISFACTION_EMAIL, Language.WELSH))
                .isEqualTo("welsh-satisfaction-email");
        assertThat(settings.templateId(NotifySettings.Template.SATISFACTION_EMAIL, Language.ENGLISH))
                .isEqualTo("english-satisfaction-email");
        assertThat(settings.templateId(NotifySettings.Template.SATISFACTION_SMS, Language.WELSH))
                .isEqualTo("english-satisfaction-sms");
        assertThat(settings.feedbackLink(Language.WELSH)).isEqualTo("https://example.org/feedback?lang=cy");
    }

    @Test
    void theLanguageIsTheOneChosenLast() {
        UpdatePreference welsh = new UpdatePreference(UpdateChannel.EMAIL, UpdateFrequency.WEEKLY, Language.WELSH);
        CaseOpened opened = new CaseOpened(
                "BL-2026-000001",
                "c-1",
                Channel.WEB,
                ReportCategory.THEFT,
                "hash",
                welsh,
                CitizenDetails.none(),
                null,
                AT,
                AT);
        assertThat(CitizenUpdates.currentLanguage(List.of(opened))).isEqualTo(Language.WELSH);
        UpdatePreferenceChanged english = new UpdatePreferenceChanged(
                "BL-2026-000001",
                new UpdatePreference(UpdateChannel.EMAIL, UpdateFrequency.WEEKLY),
                CitizenDetails.none(),
                AT,
                AT);
        assertThat(CitizenUpdates.currentLanguage(List.of(opened, english))).isEqualTo(Language.ENGLISH);
    }
}
