package uk.police.bluelamp.contact.canned;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders a canned response may hold. The handler's browser fills them in from the
 * contact it shows (frontend staff/canned/placeholders.ts): the stored text never holds a
 * citizen's details. Anything else in curly brackets is refused when saving, so a typo can
 * never reach a citizen as "{citizenNmae}".
 */
final class Placeholders {

    static final List<String> ALLOWED = List.of("citizenName", "handlerName", "reference");

    private static final Pattern BRACKETED = Pattern.compile("\\{([^{}]*)}");

    private Placeholders() {}

    /** What is wrong with the text's placeholders, worded for the supervisor; null when nothing is. */
    static String problemIn(String text) {
        Set<String> unknown = new LinkedHashSet<>();
        Matcher found = BRACKETED.matcher(text);
        while (found.find()) {
            if (!ALLOWED.contains(found.group(1))) {
                unknown.add(found.group());
            }
        }
        if (!unknown.isEmpty()) {
            return (unknown.size() == 1 ? "There is no placeholder " : "There are no placeholders ")
                    + String.join(", ", unknown) + ". Use only " + allowed();
        }
        if (BRACKETED.matcher(text).replaceAll("").matches("(?s).*[{}].*")) {
            return "Curly brackets are only for placeholders. Use only " + allowed();
        }
        return null;
    }

    private static String allowed() {
        List<String> names = ALLOWED.stream().map(name -> "{" + name + "}").toList();
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
