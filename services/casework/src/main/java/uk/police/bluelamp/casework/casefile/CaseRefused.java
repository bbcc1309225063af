package uk.police.bluelamp.casework.casefile;

import uk.police.bluelamp.messages.contact.Language;
import uk.police.bluelamp.platform.wording.CitizenText;

/** A command the case's current state does not allow, worded for the handler who sent it. */
public class CaseRefused extends RuntimeException {

    private final String citizenKey;

    public CaseRefused(String message) {
        this(message, null);
    }

    private CaseRefused(String message, String citizenKey) {
        super(message);
        this.citizenKey = citizenKey;
    }

    /** A refusal a citizen reads, answered in the language they asked in (i18n/citizen.properties). */
    static CaseRefused toCitizen(String key) {
        return new CaseRefused(CitizenText.say(Language.ENGLISH, key), key);
    }

    /** The key of its citizen wording; null when only staff are told. */
    String citizenKey() {
        return citizenKey;
    }
}
