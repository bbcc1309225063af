package uk.police.bluelamp.messages.casefile;

/**
 * The promises to victims whose keeping Blue Lamp records, each an obligation with a due time
 * in the Victims' Code ledger (docs/adr/0039-victims-code-ledger.md).
 */
public enum VictimsCodeRight {
    /** Right 6: updates as often as the victim chose. */
    UPDATES,
    /** Right 6: a key decision told within 5 working days (1 under Enhanced Rights). */
    KEY_DECISIONS,
    /** National Crime Recording Standard: the crime-recording decision within 24 hours. */
    CRIME_RECORDING,
    /** Right 4: with the victim's consent, a referral to victim support within 2 working days. */
    VICTIM_SUPPORT
}
