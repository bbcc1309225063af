package uk.police.bluelamp.messages.casefile;

import java.util.Locale;

/**
 * What a tracking code looks like, shared by the context that issues codes and the one that
 * checks them: 12 symbols from an alphabet without look-alikes (no 0/O, 1/I/L), about 59 bits,
 * shown as 7KQ4-M2XP-9HTD.
 */
public interface TrackingCodeFormat {

    String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    int LENGTH = 12;

    /** Citizens copy codes by hand: case, spaces and dashes must not matter. */
    static String normalise(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** As we show codes: in groups of four, 7KQ4-M2XP-9HTD, however it was typed. */
    static String grouped(String typed) {
        String symbols = normalise(typed);
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < symbols.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(symbols.charAt(i));
        }
        return code.toString();
    }

    /** Could be a code at all: anything else is a typing mistake, not a guess worth counting. */
    static boolean isWellFormed(String typed) {
        if (typed == null || typed.length() > 4 * LENGTH) {
            return false;
        }
        String symbols = normalise(typed);
        return symbols.length() == LENGTH && symbols.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }
}
