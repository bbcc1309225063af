package uk.police.bluelamp.platform.input;

import java.text.Normalizer;
import uk.police.bluelamp.platform.wording.CitizenText;

/**
 * The one rule for text that comes from outside (docs/adr/0015-one-input-policy-at-the-edge.md).
 * Refused anywhere: NUL and the other C0 controls, DEL, the C1 controls, unpaired surrogates,
 * Unicode noncharacters, and the bidi embedding, override and isolate controls. Tab, CR and LF
 * are kept only where the field is multi-line; U+2028 and U+2029 count as line breaks too.
 * Everything else is accepted and normalised to NFC, so that the same words are the same text.
 */
final class InputPolicy {

    /**
     * Why a text is refused, in words for the person who typed or pasted it: the English here, and
     * in the request's language from {@link #message()} (i18n/citizen*.properties, input.*).
     */
    enum Problem {
        LINE_BREAK("Must be on one line: remove any line breaks or tabs"),
        CONTROL("Contains hidden control characters. Remove them, or type the text again instead of pasting it"),
        DIRECTION("Contains hidden characters that change the direction of text. Remove them, or type the text "
                + "again instead of pasting it"),
        NOT_TEXT("Contains something that is not valid text. Type the text again instead of pasting it");

        final String message;

        Problem(String message) {
            this.message = message;
        }

        /** In the request's language: a citizen reading Welsh is told in Welsh. */
        String message() {
            return CitizenText.say("input." + name());
        }
    }

    private InputPolicy() {}

    /** What is wrong with the text, or null when it may be accepted. */
    static Problem problemIn(CharSequence text, boolean multiLine) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                continue;
            }
            Problem problem;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                problem = isNoncharacter(Character.toCodePoint(c, text.charAt(++i))) ? Problem.NOT_TEXT : null;
            } else {
                problem = problemWith(c, multiLine);
            }
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static Problem problemWith(char c, boolean multiLine) {
        if (c == '\t' || c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
            return multiLine ? null : Problem.LINE_BREAK;
        }
        if (c < 0x20 || c >= 0x7F && c <= 0x9F) {
            return Problem.CONTROL;
        }
        if (c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069') {
            return Problem.DIRECTION;
        }
        if (Character.isSurrogate(c) || isNoncharacter(c)) {
            return Problem.NOT_TEXT;
        }
        return null;
    }

    /** U+FDD0..U+FDEF and the last two code points of every plane: never characters, by Unicode's own definition. */
    static boolean isNoncharacter(int codePoint) {
        return codePoint >= 0xFDD0 && codePoint <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;
    }

    /** The text in Normalization Form C; text already in it (nearly all) is returned as it is. */
    static String normalised(String text) {
        return Normalizer.isNormalized(text, Normalizer.Form.NFC)
                ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
    }
}
