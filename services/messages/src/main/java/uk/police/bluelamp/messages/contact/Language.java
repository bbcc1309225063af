package uk.police.bluelamp.messages.contact;

import java.util.Locale;

/**
 * The language a citizen chose to deal with the force in (the Welsh Language Standards): the
 * pages they read, the updates they get and who is offered their contact. Events stored before
 * there was a choice carry none and read as English, the only language there was.
 */
public enum Language {
    ENGLISH("en"),
    WELSH("cy");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** The ISO 639-1 code pages and templates are keyed by. */
    public String code() {
        return code;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    /** A language tag as browsers send it ("cy", "cy-GB"); anything not Welsh is English. */
    public static Language ofTag(String tag) {
        return tag != null && tag.strip().toLowerCase(Locale.ROOT).startsWith(WELSH.code) ? WELSH : ENGLISH;
    }

    /** Null (an event or a request from before the choice) is English. */
    public static Language orEnglish(Language language) {
        return language == null ? ENGLISH : language;
    }
}
