package uk.police.bluelamp.audit.integrity;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Can we trust the record? Verifies the whole event chain on request. */
@RestController
class IntegrityController {

    private final ChainVerifier verifier;

    IntegrityController(ChainVerifier verifier) {
        this.verifier = verifier;
    }

    @GetMapping("/api/v1/audit/integrity")
    ChainVerifier.Report verify() {
        return verifier.verify();
    }
}
