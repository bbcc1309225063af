package uk.police.bluelamp.messages.casefile;

/** Everything that can happen to a case. */
public sealed interface CaseEvent permits CaseOpened, CaseTriaged, ContactAddedToCase {

    String reference();
}
