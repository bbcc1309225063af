package uk.police.bluelamp.platform.citizen;

import java.util.regex.Pattern;

/**
 * What the force accepts as a citizen's email address and UK phone number, wherever a citizen
 * gives one (the report form, the tracking page's update preference). Each form words its own
 * messages; the rules, and the longest email address, are here once. The frontend's copy of the
 * email limit is in frontend/src/citizen/report/validation.ts.
 */
public final class ContactDetailRules {

    /** 64 for the local part, 1 for the @, 255 for the domain: the longest address either form takes. */
    public static final int MAX_EMAIL = 320;

    private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");
    private static final Pattern UK_PHONE = Pattern.compile("^(?:\\+44|0044|0)\\d{9,10}$");
    private static final Pattern UK_MOBILE = Pattern.compile("^(?:\\+44|0044|0)7\\d{9}$");

    private ContactDetailRules() {}

    /** Something@somewhere.tld with no spaces: what Notify can try. Length is checked apart, with its own message. */
    public static boolean looksLikeAnEmail(String trimmed) {
        return EMAIL.matcher(trimmed).matches();
    }

    /** The number without the spaces, brackets and dashes people type. */
    public static String phoneDigits(String phone) {
        return phone == null ? null : phone.replaceAll("[\\s()-]", "");
    }

    public static boolean isUkPhone(String digits) {
        return UK_PHONE.matcher(digits).matches();
    }

    public static boolean isUkMobile(String digits) {
        return UK_MOBILE.matcher(digits).matches();
    }
}
