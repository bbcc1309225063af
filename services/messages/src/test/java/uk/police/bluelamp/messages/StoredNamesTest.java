package uk.police.bluelamp.messages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uk.police.bluelamp.messages.casefile.command.OpenCase;
import uk.police.bluelamp.messages.casefile.event.CaseOpened;
import uk.police.bluelamp.messages.casefile.query.FindCaseAsOf;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.event.ContactReceived;

class StoredNamesTest {

    @Test
    void aMessageIsStoredByItsContextAndNameWithoutItsKind() {
        assertThat(StoredNames.of(ContactReceived.class))
                .isEqualTo("uk.police.bluelamp.messages.contact.ContactReceived");
        assertThat(StoredNames.of(CaseOpened.class)).isEqualTo("uk.police.bluelamp.messages.casefile.CaseOpened");
        assertThat(StoredNames.of(OpenCase.class)).isEqualTo("uk.police.bluelamp.messages.casefile.OpenCase");
    }

    @Test
    void eventsStoredBeforeTheMessagesWereSortedByKindReadAsTodaysClasses() {
        assertThat(StoredNames.className("uk.police.bluelamp.messages.contact.ContactReceived"))
                .isEqualTo(ContactReceived.class.getName());
        assertThat(StoredNames.className("uk.police.bluelamp.messages.casefile.FindCaseAsOf"))
                .isEqualTo(FindCaseAsOf.class.getName());
    }

    @Test
    void valuesAndAnythingElseKeepTheirNames() {
        assertThat(StoredNames.of(Channel.class)).isEqualTo(Channel.class.getName());
        assertThat(StoredNames.className(Channel.class.getName())).isEqualTo(Channel.class.getName());
        assertThat(StoredNames.of(String.class)).isEqualTo("java.lang.String");
        assertThat(StoredNames.className("org.axonframework.eventhandling.GlobalSequenceTrackingToken"))
                .isEqualTo("org.axonframework.eventhandling.GlobalSequenceTrackingToken");
        assertThat(StoredNames.className("uk.police.bluelamp.messages.contact.NoSuchThing"))
                .isEqualTo("uk.police.bluelamp.messages.contact.NoSuchThing");
    }
}
