package uk.police.bluelamp.messages.contact.query;

/** Asks the contact context what a citizen wrote in the web report that opened a case, for that citizen. */
public record FindReportAsGiven(String caseReference) {}
