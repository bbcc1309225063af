package uk.police.bluelamp.contact.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import uk.police.bluelamp.contact.ContactIntegrationTest;
import uk.police.bluelamp.messages.contact.Assignment;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.Language;
import uk.police.bluelamp.messages.contact.ReportCategory;
import uk.police.bluelamp.messages.contact.command.AssignContact;
import uk.police.bluelamp.messages.contact.command.LinkContactToCase;
import uk.police.bluelamp.messages.contact.command.StartChat;
import uk.police.bluelamp.messages.contact.command.TransferContact;
import uk.police.bluelamp.messages.contact.event.ChatStarted;
import uk.police.bluelamp.messages.handler.Availability;
import uk.police.bluelamp.messages.handler.command.ChangeAvailability;
import uk.police.bluelamp.messages.handler.command.SetHandlerSkills;
import uk.police.bluelamp.platform.command.Commands;
import uk.police.bluelamp.platform.web.InvalidRequest;

/**
 * A contact needing a skill goes, by offer or by "take next", only to a handler who has it; by
 * hand anyone may still take it. Its chats are dated long ago, so each is at the front of the
 * chat queue whatever other tests left waiting there.
 */
class SkillRoutingTest extends ContactIntegrationTest {

    @Autowired
    private Commands commands;

    @Autowired
    private Router router;

    @Autowired
    private QueueController queues;

    @Autowired
    private QueueReads reads;

    @Autowired
    private QueueSettings settings;

    @Autowired
    private Serializer serializer;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String welsh = "welsh-" + suffix;
    private final String other = "other-" + suffix;

    @Test
    void offersAndTakeNextGiveAContactNeedingASkillOnlyToHandlersWithIt() {
        Instant now = Instant.now();
        commands.sendAsStaff(new ChangeAvailability(other, Availability.AVAILABLE, now), other);
        commands.sendAsStaff(new ChangeAvailability(welsh, Availability.AVAILABLE, now.plusMillis(1)), welsh);
        commands.sendAsStaff(new SetHandlerSkills(welsh, Set.of("WELSH"), "supervisor", now), "supervisor");
        await().until(() -> jdbc.sql("select count(*) from handler_skill where handler = :h")
                        .param("h", welsh)
                        .query(Long.class)
                        .single()
                == 1);
        await().until(() -> jdbc.sql("select count(*) from handler_availability where handler in (:a, :b)")
                        .param("a", welsh)
                        .param("b", other)
                        .query(Long.class)
                        .single()
                == 2);

        // The handler with fewer skills chooses first and the chat is at the front: only its skill keeps it from them.
        String offered = chatNeedingWelsh(Instant.parse("2000-01-01T00:00:00Z"));
        QueueSettings.ChannelSettings chat = settings.of(Channel.CHAT);
        boolean wasOn = chat.isAutoOffer();
        try {
            chat.setAutoOffer(true);
            router.offer();
        } finally {
            chat.setAutoOffer(wasOn);
        }
        await().until(() -> welsh.equals(reads.item(offered).orElseThrow().handler()));

        String next = chatNeedingWelsh(Instant.parse("1999-01-01T00:00:00Z"));
        ResponseEntity<QueueItem> othersNext = queues.next("CHAT", as(other));
        assertThat(othersNext.getBody())
                .satisfiesAnyOf(
                        body -> assertThat(body).isNull(),
                        body -> assertThat(body.contactId()).isNotEqualTo(next));
        assertThat(queues.next("CHAT", as(welsh)).getBody().contactId()).isEqualTo(next);

        // By hand the skill is no bar: the handler may know better.
        String byHand = chatNeedingWelsh(Instant.parse("1998-01-01T00:00:00Z"));
        assertThat(queues.take(byHand, as(other)).handler()).isEqualTo(other);
    }

    @Test
    void aSummaryWhoseCategoryCallsForASkillMakesTheContactNeedIt() {
        String contactId = chat(Instant.parse("2001-01-01T00:00:00Z"));
        commands.send(
                new LinkContactToCase(
                        contactId, "BL-2026-000001", ReportCategory.HATE_INCIDENT, "Abuse", "taker", Instant.now()),
                Commands.staff("taker"),
                Channel.CHAT);
        await().until(() ->
                "HATE_CRIME".equals(reads.item(contactId).orElseThrow().neededSkill()));
        assertThat(reads.item(contactId).orElseThrow().neededSkillLabel()).isEqualTo("Hate crime");
    }

    @Test
    void aWelshContactNeedsAWelshSpeakerFromTheStartAndOldOnesWereEnglish() {
        String contactId = UUID.randomUUID().toString();
        commands.send(
                new StartChat(contactId, null, "Cwestiwn", "hash-" + contactId, Instant.now(), Language.WELSH),
                "citizen",
                Channel.CHAT);
        await().until(() -> reads.item(contactId).isPresent());
        assertThat(reads.item(contactId).orElseThrow())
                .extracting(QueueItem::language, QueueItem::neededSkill, QueueItem::neededSkillLabel)
                .containsExactly("WELSH", "WELSH", "Welsh speaker");

        // A chat stored before the language was recorded has none: it was in English.
        ChatStarted old = serializer.deserialize(new SimpleSerializedObject<>(
                "{\"contactId\":\"c-1\",\"topic\":\"A question\",\"chatTokenHash\":\"h\",\"at\":\"2026-01-01T00:00:00Z\"}",
                String.class,
                ChatStarted.class.getName(),
                null));
        assertThat(old.language()).isEqualTo(Language.ENGLISH);
    }

    @Test
    void aTransferAsksOnlyForAKnownSkillAndOnlyBackToTheQueue() {
        String contactId = chat(Instant.parse("2002-01-01T00:00:00Z"));
        assertThatThrownBy(() -> queues.transfer(
                        contactId, new QueueController.TransferRequest(null, "CHAT", "Over", "KLINGON"), as("taker")))
                .isInstanceOfSatisfying(
                        InvalidRequest.class,
                        refused -> assertThat(refused.errors())
                                .extracting(e -> e.field())
                                .containsExactly("neededSkill"));
        assertThatThrownBy(() -> queues.transfer(
                        contactId, new QueueController.TransferRequest("blake", null, "Over", "WELSH"), as("taker")))
                .isInstanceOf(InvalidRequest.class);
        assertThat(reads.item(contactId).orElseThrow().state()).isEqualTo("ASSIGNED");
    }

    /** A chat taken by "taker" and handed back to the queue asking for a Welsh speaker. */
    private String chatNeedingWelsh(Instant startedAt) {
        String contactId = chat(startedAt);
        commands.send(
                new TransferContact(contactId, "taker", null, "Needs a Welsh speaker", "WELSH", Instant.now()),
                Commands.staff("taker"),
                Channel.CHAT);
        await().until(() -> reads.item(contactId)
                .filter(item -> "WAITING".equals(item.state()) && "WELSH".equals(item.neededSkill()))
                .isPresent());
        return contactId;
    }

    private String chat(Instant startedAt) {
        String contactId = UUID.randomUUID().toString();
        commands.send(
                new StartChat(contactId, null, "A question", "hash-" + contactId, startedAt), "citizen", Channel.CHAT);
        commands.send(
                new AssignContact(contactId, "taker", Assignment.TAKEN, startedAt.plusSeconds(1)),
                Commands.staff("taker"),
                Channel.CHAT);
        await().until(() -> reads.item(contactId)
                .filter(item -> "ASSIGNED".equals(item.state()))
                .isPresent());
        return contactId;
    }

    private static Authentication as(String handler) {
        return UsernamePasswordAuthenticationToken.authenticated(handler, null, List.of());
    }
}
