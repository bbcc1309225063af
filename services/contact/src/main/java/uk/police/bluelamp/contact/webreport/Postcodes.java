package uk.police.bluelamp.contact.webreport;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Picks a UK postcode out of free text, so handlers can find a case by where it happened. */
public final class Postcodes {

    private static final Pattern POSTCODE =
            Pattern.compile("\\b([A-Z]{1,2}\\d[A-Z\\d]?)\\s*(\\d[A-Z]{2})\\b", Pattern.CASE_INSENSITIVE);

    private Postcodes() {}

    public static String find(String text) {
        if (text == null) {
            return null;
        }
        Matcher match = POSTCODE.matcher(text);
        return match.find() ? (match.group(1) + " " + match.group(2)).toUpperCase(Locale.ROOT) : null;
    }
}
