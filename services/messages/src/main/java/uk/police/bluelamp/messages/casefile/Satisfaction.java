package uk.police.bluelamp.messages.casefile;

/** How satisfied a citizen was with how their case was handled (the GOV.UK feedback scale). */
public enum Satisfaction {
    VERY_SATISFIED,
    SATISFIED,
    NEITHER,
    DISSATISFIED,
    VERY_DISSATISFIED
}
