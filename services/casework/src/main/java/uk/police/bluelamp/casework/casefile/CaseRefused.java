package uk.police.bluelamp.casework.casefile;

/** A command the case's current state does not allow, worded for the handler who sent it. */
public class CaseRefused extends RuntimeException {

    public CaseRefused(String message) {
        super(message);
    }
}
