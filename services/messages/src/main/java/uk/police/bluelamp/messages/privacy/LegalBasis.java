package uk.police.bluelamp.messages.privacy;

/** Why personal data may (or must) be erased. */
public enum LegalBasis {
    /** Data Protection Act 2018, Part 3, s.47: erasure of data processed for law enforcement. */
    DPA_2018_S47,
    /** UK GDPR Article 17: the right to erasure, for data not processed for law enforcement. */
    UK_GDPR_ARTICLE_17
}
