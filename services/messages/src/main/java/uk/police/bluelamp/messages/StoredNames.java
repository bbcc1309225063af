package uk.police.bluelamp.messages;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The name a stored message goes by: its context and simple name, without the kind's package
 * ({@code messages.contact.ContactReceived} for {@code messages.contact.event.ContactReceived}).
 * Event stores, dead letters and SQL filters hold these names, so sorting the Java classes by kind
 * moved no stored event, and moving a class between kinds never will.
 */
public final class StoredNames {

    private static final String MESSAGES = "uk.police.bluelamp.messages.";
    private static final String[] KINDS = {"event", "command", "query"};
    private static final Map<String, String> CLASS_NAMES = new ConcurrentHashMap<>();

    private StoredNames() {}

    public static String of(Class<?> type) {
        return of(type.getName());
    }

    /** Stored name for a class name; names outside the messages are stored as they are. */
    public static String of(String className) {
        if (!className.startsWith(MESSAGES)) {
            return className;
        }
        String[] parts = className.substring(MESSAGES.length()).split("\\.");
        if (parts.length == 3 && isKind(parts[1])) {
            return MESSAGES + parts[0] + "." + parts[2];
        }
        return className;
    }

    /** The class name a stored name reads as today. */
    public static String className(String storedName) {
        if (!storedName.startsWith(MESSAGES)) {
            return storedName;
        }
        return CLASS_NAMES.computeIfAbsent(storedName, StoredNames::locate);
    }

    private static String locate(String storedName) {
        String[] parts = storedName.substring(MESSAGES.length()).split("\\.");
        if (parts.length != 2) {
            return storedName;
        }
        for (String kind : KINDS) {
            String candidate = MESSAGES + parts[0] + "." + kind + "." + parts[1];
            if (exists(candidate)) {
                return candidate;
            }
        }
        return storedName;
    }

    private static boolean exists(String className) {
        try {
            Class.forName(className, false, StoredNames.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static boolean isKind(String segment) {
        for (String kind : KINDS) {
            if (kind.equals(segment)) {
                return true;
            }
        }
        return false;
    }
}
