package uk.police.bluelamp.contact.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import uk.police.bluelamp.contact.ContactIntegrationTest;
import uk.police.bluelamp.contact.history.ContactHistory.Match;
import uk.police.bluelamp.contact.history.ContactHistory.OtherContact;
import uk.police.bluelamp.messages.casefile.UpdateChannel;
import uk.police.bluelamp.messages.casefile.UpdateFrequency;
import uk.police.bluelamp.messages.casefile.UpdatePreference;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.ChatAuthor;
import uk.police.bluelamp.messages.contact.ReportCategory;
import uk.police.bluelamp.messages.contact.ReportDetails;
import uk.police.bluelamp.messages.contact.Reporter;
import uk.police.bluelamp.messages.contact.event.CallbackRequested;
import uk.police.bluelamp.messages.contact.event.ChatMessagePosted;
import uk.police.bluelamp.messages.contact.event.ChatStarted;
import uk.police.bluelamp.messages.contact.event.ContactReceived;

/** A contact's history across channels, and a chat's unanswered messages, fed as events and read back. */
class ContactHistoryTest extends ContactIntegrationTest {

    @Autowired
    private EventStore eventStore;

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private ContactHistory history;

    @Test
    void aChatFindsTheSamePersonsReportByNameAndTheirCallBackByPhone() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String phone = "07700 9" + unique.replaceAll("\\D", "7").substring(0, 5);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String report = contactId();
        publish(
                report,
                0,
                new ContactReceived(
                        report,
                        Channel.WEB,
                        "BL-2026-000777",
                        new ReportDetails(
                                ReportCategory.THEFT, "Bike taken", "Park Road", LocalDate.of(2026, 1, 1), null),
                        new Reporter("Sam " + unique, "Sam." + unique + "@Example.com", null),
                        new UpdatePreference(UpdateChannel.EMAIL, UpdateFrequency.MONTHLY),
                        now.minus(Duration.ofDays(400))));
        String callback = contactId();
        publish(
                callback,
                0,
                new CallbackRequested(
                        callback, null, phone, "About my bike", now.minus(Duration.ofDays(2)), now, now, null));
        String stranger = contactId();
        publish(stranger, 0, new ChatStarted(stranger, "Sam", "Another Sam altogether", "hash", now));
        String chat = contactId();
        publish(chat, 0, new ChatStarted(chat, "  sam   " + unique.toUpperCase() + " ", "My bike again", "hash", now));
        publish(
                callback + "-x",
                0,
                new CallbackRequested(callback + "-x", "Sam " + unique, phone, "Bike again", now, now, now, null));
        String call = callback + "-x";

        await().until(() ->
                history.of(chat).map(found -> found.contacts().size()).orElse(0) == 2);
        ContactHistory.Found found = history.of(chat).orElseThrow();
        assertThat(found.contacts())
                .extracting(OtherContact::contactId, OtherContact::matchedBy)
                .containsExactly(tuple(call, Set.of(Match.NAME)), tuple(report, Set.of(Match.NAME)));
        // A name alone, however recent, does not make a repeat contact.
        assertThat(found.repeat()).isFalse();

        await().until(() -> history.of(call).isPresent());
        ContactHistory.Found byPhone = history.of(call).orElseThrow();
        assertThat(byPhone.contacts())
                .filteredOn(c -> c.contactId().equals(callback))
                .singleElement()
                .extracting(OtherContact::matchedBy)
                .isEqualTo(Set.of(Match.PHONE));
        assertThat(byPhone.repeat()).isTrue();
        // A one-word name ("Sam") matches no one: too many people share it.
        assertThat(byPhone.contacts()).extracting(OtherContact::contactId).doesNotContain(stranger);
    }

    @Test
    void aChatCountsWhatTheCitizenWroteSinceTheHandlerLastDid() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String chat = contactId();
        publish(chat, 0, new ChatStarted(chat, "Alex Smith", "Noise", "hash", now));
        publish(chat, 1, message(chat, 1, ChatAuthor.CITIZEN, now.plusSeconds(10)));
        publish(chat, 2, message(chat, 2, ChatAuthor.CITIZEN, now.plusSeconds(20)));
        await().until(() -> unanswered(chat).get("unanswered").equals(2));
        assertThat(unanswered(chat).get("waiting_since")).isNotNull();

        publish(chat, 3, message(chat, 3, ChatAuthor.HANDLER, now.plusSeconds(30)));
        await().until(() -> unanswered(chat).get("unanswered").equals(0));
        assertThat(unanswered(chat).get("waiting_since")).isNull();
    }

    private static ChatMessagePosted message(String chat, long seq, ChatAuthor author, Instant at) {
        return new ChatMessagePosted(chat, seq, author, author.name(), "m-" + seq, "Hello " + seq, at);
    }

    private Map<String, Object> unanswered(String chat) {
        return jdbc
                .sql("select unanswered, waiting_since from queue_item where contact_id = :id")
                .param("id", chat)
                .query()
                .listOfRows()
                .stream()
                .findFirst()
                .orElse(Map.of("unanswered", -1));
    }

    private static String contactId() {
        return UUID.randomUUID().toString();
    }

    private void publish(String aggregateId, long seq, Object payload) {
        transactions.executeWithoutResult(
                tx -> eventStore.publish(new GenericDomainEventMessage<>("Contact", aggregateId, seq, payload)));
    }
}
