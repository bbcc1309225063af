package uk.police.bluelamp.platform.evidence;

import org.springframework.http.HttpStatus;
import uk.police.bluelamp.messages.contact.Language;
import uk.police.bluelamp.platform.wording.CitizenText;

/**
 * A file not kept, with GOV.UK's wording for the citizen or handler who chose it, in the
 * request's language (i18n/citizen*.properties); the exception's own message, for logs, is English.
 */
public class EvidenceRefused extends RuntimeException {

    private final HttpStatus status;
    private final String key;
    private final transient Object[] args;

    EvidenceRefused(HttpStatus status, String key, Object... args) {
        super(CitizenText.say(Language.ENGLISH, key, args));
        this.status = status;
        this.key = key;
        this.args = args;
    }

    HttpStatus status() {
        return status;
    }

    /** In the language of the request being answered. */
    String said() {
        return CitizenText.say(key, args);
    }

    static EvidenceRefused wrongType() {
        return new EvidenceRefused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "evidence.wrongType");
    }

    static EvidenceRefused empty() {
        return new EvidenceRefused(HttpStatus.BAD_REQUEST, "evidence.empty");
    }

    static EvidenceRefused noName() {
        return new EvidenceRefused(HttpStatus.BAD_REQUEST, "evidence.select");
    }

    static EvidenceRefused tooLarge(long maxBytes) {
        return new EvidenceRefused(HttpStatus.PAYLOAD_TOO_LARGE, "evidence.tooLarge", megabytes(maxBytes));
    }

    static EvidenceRefused infected() {
        return new EvidenceRefused(HttpStatus.UNPROCESSABLE_ENTITY, "evidence.virus");
    }

    static EvidenceRefused erased() {
        return new EvidenceRefused(HttpStatus.GONE, "evidence.erased");
    }

    private static long megabytes(long bytes) {
        return Math.max(1, bytes / (1024 * 1024));
    }
}
