package uk.police.bluelamp.app.logging;

import java.util.regex.Pattern;

/**
 * Text made safe for one log line. Every character that could end a line or disguise one (CR,
 * LF and the other controls, Unicode line and paragraph separators, bidirectional overrides)
 * is written as an escape, so no value can forge a line of its own. Values of the headers,
 * cookies and attributes that carry credentials are replaced, wherever a framework prints
 * them as {@code name=value}, {@code name=[value]} or {@code name: value}.
 */
final class SafeText {

    static final String REDACTED = "[redacted]";

    private static final Pattern SECRET = Pattern.compile("(?i)(?<![a-z0-9_.-])("
            + "(?:x-)?chat-token|(?:x-)?xsrf-token|x-tracking-code|tracking-code|bluelamp\\.csrf|_csrf"
            + "|jsessionid|sessionid|set-cookie|cookie|authorization|passcode|password"
            + ")(\"?\\s*[=:]\\s*\\[?\"?)((?:(?:bearer|basic)\\s+)?[^\\s\\],;\"'}]+)");

    private SafeText() {}

    static String of(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return escaped(SECRET.matcher(text).replaceAll(match -> match.group(1) + match.group(2) + REDACTED));
    }

    private static String escaped(String text) {
        int first = 0;
        while (first < text.length() && !unsafe(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!unsafe(c)) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    /** Tab stays: it cannot start a line. */
    private static boolean unsafe(char c) {
        return (c < 0x20 && c != '\t')
                || (c >= 0x7f && c <= 0x9f)
                || c == '\u2028'
                || c == '\u2029'
                || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200e'
                || c == '\u200f'
                || c == '\u061c';
    }
}
