package uk.police.bluelamp.messages.contact;

/**
 * Who made a report. Every part is optional: the law allows reporting without a name,
 * and contact details are asked for only to send updates the citizen chose.
 */
public record Reporter(String name, String email, String phone) {

    public static Reporter anonymous() {
        return new Reporter(null, null, null);
    }

    public boolean isAnonymous() {
        return name == null || name.isBlank();
    }
}
