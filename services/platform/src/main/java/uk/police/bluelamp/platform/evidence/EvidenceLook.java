package uk.police.bluelamp.platform.evidence;

import org.springframework.http.ResponseEntity;

/** Staff asking for a stored file: the file they may have, or the answer that refuses it. */
public record EvidenceLook(EvidenceStore.StoredFile file, ResponseEntity<?> refusal) {

    public static EvidenceLook allowed(EvidenceStore.StoredFile file) {
        return new EvidenceLook(file, null);
    }

    public static EvidenceLook refused(ResponseEntity<?> refusal) {
        return new EvidenceLook(null, refusal);
    }
}
