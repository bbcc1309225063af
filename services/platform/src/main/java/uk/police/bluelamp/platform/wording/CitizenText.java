package uk.police.bluelamp.platform.wording;

import java.util.Locale;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import uk.police.bluelamp.messages.contact.Language;

/**
 * What the server says to citizens, in English or Welsh: i18n/citizen.properties and
 * citizen_cy.properties (docs/welsh.md). The request's language is the one the citizen chose
 * with the language switch, which the pages send as Accept-Language; a request without one,
 * or in any other language, is answered in English. Static, like the validators that use it,
 * so a check worded for a citizen needs no bean to say it.
 */
public final class CitizenText {

    static final String BUNDLE = "i18n/citizen";
    private static final ResourceBundleMessageSource SOURCE = source();

    private CitizenText() {}

    private static ResourceBundleMessageSource source() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename(BUNDLE);
        source.setDefaultEncoding("UTF-8");
        // A server whose own locale is Welsh must still answer an English request in English.
        source.setFallbackToSystemLocale(false);
        // Every message goes through MessageFormat, so an apostrophe is always written as ’.
        source.setAlwaysUseMessageFormat(true);
        return source;
    }

    /** The language of the request being answered: English outside one. */
    public static Language language() {
        LocaleContext context = LocaleContextHolder.getLocaleContext();
        Locale locale = context == null ? null : context.getLocale();
        return locale == null ? Language.ENGLISH : Language.ofTag(locale.getLanguage());
    }

    /** The message for this key in the request's language. */
    public static String say(String key, Object... args) {
        return say(language(), key, args);
    }

    /** The message for this key in the given language (an update, sent outside any request). */
    public static String say(Language language, String key, Object... args) {
        Locale locale = language == Language.ENGLISH ? Locale.ROOT : language.locale();
        return SOURCE.getMessage(key, args, locale);
    }
}
