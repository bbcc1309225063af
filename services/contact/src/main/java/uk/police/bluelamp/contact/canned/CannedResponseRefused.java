package uk.police.bluelamp.contact.canned;

/** A change to the canned responses that their current state does not allow. */
class CannedResponseRefused extends RuntimeException {

    enum Why {
        UNKNOWN,
        TITLE_TAKEN
    }

    final Why why;

    CannedResponseRefused(Why why) {
        super(why.name());
        this.why = why;
    }
}
