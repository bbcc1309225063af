package uk.police.bluelamp.contact.webreport;

/** The same Idempotency-Key came with a different report: we will not guess which one was meant. */
class IdempotencyKeyReused extends RuntimeException {

    IdempotencyKeyReused() {
        super("This Idempotency-Key was already used for a different report");
    }
}
