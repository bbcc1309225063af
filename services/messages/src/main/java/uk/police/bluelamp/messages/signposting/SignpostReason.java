package uk.police.bluelamp.messages.signposting;

/**
 * Why a citizen was pointed elsewhere before a case was opened: what they came about belongs to
 * another service. Its words and where each points are configuration and the page, not here.
 */
public enum SignpostReason {
    /** Action Fraud, the national fraud and cyber crime reporting service. */
    FRAUD,
    /** The force's (or its partner's) lost property service. */
    LOST_PROPERTY,
    /** Noise and neighbour nuisance: the local council. */
    NOISE
}
