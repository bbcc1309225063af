package uk.police.bluelamp.platform.access;

/** Opening this record needs a (valid) reason; answered with 428 so the UI can ask for one. */
public class ReasonRequired extends RuntimeException {

    public ReasonRequired(String message) {
        super(message);
    }
}
