package uk.police.bluelamp.contact.queue;

/** One spelling per UK number, so 07700 900982, +44 7700 900982 and 00447700900982 match. */
public final class PhoneNumbers {

    private PhoneNumbers() {}

    public static String normalise(String number) {
        if (number == null) {
            return null;
        }
        String digits = number.replaceAll("[\\s().-]", "");
        if (digits.isEmpty() || !digits.matches("\\+?\\d+")) {
            return null;
        }
        if (digits.startsWith("00")) {
            digits = "+" + digits.substring(2);
        } else if (digits.startsWith("0")) {
            digits = "+44" + digits.substring(1);
        } else if (!digits.startsWith("+")) {
            digits = digits.startsWith("44") ? "+" + digits : "+44" + digits;
        }
        return digits;
    }
}
