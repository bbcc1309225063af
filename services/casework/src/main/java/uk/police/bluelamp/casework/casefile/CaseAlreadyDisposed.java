package uk.police.bluelamp.casework.casefile;

/** The case was disposed of already: a repeated disposal only finishes the erasure, if it did not. */
public class CaseAlreadyDisposed extends CaseRefused {

    CaseAlreadyDisposed() {
        super("The case was disposed of at its retention review");
    }
}
