package uk.police.bluelamp.contact.webreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.contact.Language;
import uk.police.bluelamp.messages.contact.ReportCategory;
import uk.police.bluelamp.platform.web.FieldError;

class ReportValidatorTest {

    private final ReportValidator validator =
            new ReportValidator(Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC));

    private static ReportForm valid() {
        return new ReportForm(
                "THEFT", "Bike stolen", "High Street", "2026-11-25", null, false, null, null, null, "ONLINE", "WEEKLY");
    }

    private List<String> errorFields(ReportForm form) {
        try {
            validator.validate(form);
            return List.of();
        } catch (InvalidReport invalid) {
            return invalid.errors().stream().map(FieldError::field).toList();
        }
    }

    @Test
    void anAnonymousOnlineOnlyReportIsValid() {
        ValidReport report = validator.validate(valid());
        assertThat(report.details().category()).isEqualTo(ReportCategory.THEFT);
        assertThat(report.details().occurredOn()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(report.reporter().isAnonymous()).isTrue();
        assertThat(report.updatePreference().channel()).isEqualTo(UpdateChannel.ONLINE);
    }

    @Test
    void aReportInWelshIsAnsweredInWelshAndAsksForWelshUpdates() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("cy"));
        try {
            assertThat(validator.validate(valid()).updatePreference().language())
                    .isEqualTo(Language.WELSH);
            ReportForm noPlace = new ReportForm(
                    "THEFT", "Beic", " ", "2026-11-25", null, false, null, null, null, "ONLINE", "WEEKLY");
            assertThatThrownBy(() -> validator.validate(noPlace))
                    .isInstanceOfSatisfying(
                            InvalidReport.class,
                            e -> assertThat(e.errors())
                                    .extracting(FieldError::message)
                                    .containsExactly("Rhowch le y digwyddodd"));
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
        assertThat(validator.validate(valid()).updatePreference().language()).isEqualTo(Language.ENGLISH);
    }

    @Test
    void someoneInDangerIsToldToCall999() {
        ReportForm form =
                new ReportForm("THEFT", "x", "y", "2026-11-25", null, true, null, null, null, "ONLINE", "WEEKLY");
        assertThatThrownBy(() -> validator.validate(form))
                .isInstanceOfSatisfying(
                        InvalidReport.class,
                        e -> assertThat(e.errors().get(0).message()).contains("call 999"));
    }

    @Test
    void everyMissingRequiredFieldIsReportedInFormOrder() {
        ReportForm empty = new ReportForm(null, " ", null, null, null, null, null, null, null, null, null);
        assertThat(errorFields(empty))
                .containsExactly(
                        "anyoneInDanger",
                        "category",
                        "description",
                        "location",
                        "occurredOn",
                        "updateChannel",
                        "updateFrequency");
    }

    @Test
    void datesMustBeRealAndNotInTheFuture() {
        assertThat(errorFields(withDate("2026-02-31"))).containsExactly("occurredOn");
        assertThat(errorFields(withDate("2026-11-27"))).containsExactly("occurredOn");
        assertThat(errorFields(withDate("25/11/2026"))).containsExactly("occurredOn");
        assertThat(errorFields(withDate("2026-11-26"))).isEmpty();
    }

    @Test
    void theChosenUpdateChannelNeedsItsContactDetail() {
        assertThat(errorFields(withContact(null, null, "EMAIL"))).containsExactly("email");
        assertThat(errorFields(withContact(null, null, "SMS"))).containsExactly("phone");
        assertThat(errorFields(withContact(null, "01632 960001", "SMS"))).containsExactly("phone");
        assertThat(errorFields(withContact(null, "07700 900982", "SMS"))).isEmpty();
        assertThat(errorFields(withContact(null, "01632 960001", "PHONE"))).isEmpty();
        assertThat(errorFields(withContact("sam@example.com", null, "EMAIL"))).isEmpty();
    }

    @Test
    void malformedContactDetailsAreRefused() {
        assertThat(errorFields(withContact("sam@", null, "ONLINE"))).containsExactly("email");
        assertThat(errorFields(withContact(null, "12345", "ONLINE"))).containsExactly("phone");
    }

    @Test
    void overlongTextIsRefused() {
        ReportForm form = new ReportForm(
                "THEFT",
                "x".repeat(5001),
                "High Street",
                "2026-11-25",
                null,
                false,
                null,
                null,
                null,
                "ONLINE",
                "WEEKLY");
        assertThat(errorFields(form)).containsExactly("description");
    }

    @Test
    void unknownChoicesAreRefusedBesideTheirField() {
        ReportForm form = new ReportForm(
                "ARSON_IN_PROGRESS", "x", "y", "2026-11-25", null, false, null, null, null, "PIGEON", "HOURLY");
        assertThat(errorFields(form)).containsExactly("category", "updateChannel", "updateFrequency");
    }

    private static ReportForm withDate(String date) {
        return new ReportForm("THEFT", "x", "y", date, null, false, null, null, null, "ONLINE", "WEEKLY");
    }

    private static ReportForm withContact(String email, String phone, String channel) {
        return new ReportForm("THEFT", "x", "y", "2026-11-25", null, false, "Sam", email, phone, channel, "WEEKLY");
    }
}
