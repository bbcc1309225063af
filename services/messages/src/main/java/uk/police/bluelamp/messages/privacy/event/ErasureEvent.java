package uk.police.bluelamp.messages.privacy.event;

/** Erasure of a data subject's personal data. These events belong to no aggregate. */
public sealed interface ErasureEvent permits PersonalDataErased {
    String subjectId();
}
