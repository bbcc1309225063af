package uk.police.bluelamp.app.security;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a secret from the environment plausibly carries at least 128 bits. The estimate is
 * length × log2(alphabet), the alphabet being the one the value could have been drawn from:
 * 16 for hex, 64 for padded base64, otherwise the character classes it uses (26 lower, 26 upper,
 * 10 digits, 33 others; at most 64 when only base64 characters appear). So `openssl rand -hex
 * 16` (32 × 4 = 128) and `openssl rand -base64 16` (22 × 6 = 132) pass, and shorter values
 * fail. An estimate from length cannot see a pattern, so a value with more than a third of its
 * characters predictable (a run like "aaaa" or "1234", a repeat of four or more characters seen
 * before, or a common word such as "password") fails too. It catches placeholders and mistakes;
 * it cannot tell a chosen phrase from a random one, which is why the docs say to generate.
 */
final class SecretStrength {

    static final int REQUIRED_BITS = 128;

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
    private static final Pattern BASE64_CHARACTERS = Pattern.compile("[A-Za-z0-9+/_-]+");
    private static final Pattern PADDED_BASE64 = Pattern.compile("[A-Za-z0-9+/]+");
    private static final List<String> COMMON_WORDS = List.of(
            "password",
            "passw0rd",
            "secret",
            "changeme",
            "changeit",
            "letmein",
            "qwerty",
            "admin",
            "welcome",
            "default",
            "example",
            "bluelamp",
            "police",
            "token",
            "pepper",
            "demo",
            "test",
            "production",
            "validation",
            "placeholder");

    private SecretStrength() {}

    /** Why the value is too weak, in words for the operator, or empty when it is strong enough. */
    static Optional<String> weakness(String value) {
        String symbols = stripPadding(value);
        if (bits(value) < REQUIRED_BITS) {
            return Optional.of(
                    "carries about " + (int) bits(value) + " bits; at least " + REQUIRED_BITS + " are needed");
        }
        if (predictable(symbols) * 3 > symbols.length()) {
            return Optional.of("is too predictable (runs, repeats or common words)");
        }
        return Optional.empty();
    }

    static double bits(String value) {
        String symbols = stripPadding(value);
        if (symbols.isEmpty()) {
            return 0;
        }
        return symbols.length() * Math.log(alphabet(value, symbols)) / Math.log(2);
    }

    private static int alphabet(String value, String symbols) {
        if (HEX.matcher(symbols).matches()) {
            return 16;
        }
        boolean padded = symbols.length() < value.length()
                && value.length() % 4 == 0
                && PADDED_BASE64.matcher(symbols).matches();
        if (padded) {
            return 64;
        }
        int size = 0;
        size += symbols.chars().anyMatch(c -> c >= 'a' && c <= 'z') ? 26 : 0;
        size += symbols.chars().anyMatch(c -> c >= 'A' && c <= 'Z') ? 26 : 0;
        size += symbols.chars().anyMatch(c -> c >= '0' && c <= '9') ? 10 : 0;
        size += symbols.chars().anyMatch(c -> !Character.isLetterOrDigit(c) || c > 'z') ? 33 : 0;
        return BASE64_CHARACTERS.matcher(symbols).matches() ? Math.min(size, 64) : size;
    }

    /** How many characters follow from those before them or from a common word. */
    static int predictable(String value) {
        boolean[] predictable = new boolean[value.length()];
        String lower = value.toLowerCase(Locale.ROOT);
        for (String word : COMMON_WORDS) {
            for (int at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
                Arrays.fill(predictable, at, at + word.length(), true);
            }
        }
        for (int i = 2; i < value.length(); i++) {
            int step = value.charAt(i) - value.charAt(i - 1);
            if (step == value.charAt(i - 1) - value.charAt(i - 2) && Math.abs(step) <= 1) {
                predictable[i] = true;
            }
        }
        for (int i = 0; i < value.length(); ) {
            int repeat = longestEarlierMatch(value, i);
            if (repeat >= 4) {
                Arrays.fill(predictable, i, i + repeat, true);
                i += repeat;
            } else {
                i++;
            }
        }
        int count = 0;
        for (boolean p : predictable) {
            count += p ? 1 : 0;
        }
        return count;
    }

    private static int longestEarlierMatch(String value, int at) {
        int longest = 0;
        for (int from = 0; from < at; from++) {
            int length = 0;
            while (at + length < value.length() && value.charAt(from + length) == value.charAt(at + length)) {
                length++;
            }
            longest = Math.max(longest, length);
        }
        return longest;
    }

    private static String stripPadding(String value) {
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == '=') {
            end--;
        }
        return value.substring(0, end);
    }
}
