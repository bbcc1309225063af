package uk.police.bluelamp.platform.evidence;

import org.springframework.http.HttpStatus;

/** A file not kept, with GOV.UK's wording for the citizen or handler who chose it. */
public class EvidenceRefused extends RuntimeException {

    private final HttpStatus status;

    EvidenceRefused(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }

    static EvidenceRefused wrongType() {
        return new EvidenceRefused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, FileTypes.ALLOWED);
    }

    static EvidenceRefused empty() {
        return new EvidenceRefused(HttpStatus.BAD_REQUEST, "The selected file is empty");
    }

    static EvidenceRefused noName() {
        return new EvidenceRefused(HttpStatus.BAD_REQUEST, "Select a file");
    }

    static EvidenceRefused tooLarge(long maxBytes) {
        return new EvidenceRefused(
                HttpStatus.PAYLOAD_TOO_LARGE, "The selected file must be smaller than " + megabytes(maxBytes) + "MB");
    }

    static EvidenceRefused infected() {
        return new EvidenceRefused(HttpStatus.UNPROCESSABLE_ENTITY, "The selected file contains a virus");
    }

    static EvidenceRefused erased() {
        return new EvidenceRefused(HttpStatus.GONE, "This person's data has been erased");
    }

    private static long megabytes(long bytes) {
        return Math.max(1, bytes / (1024 * 1024));
    }
}
