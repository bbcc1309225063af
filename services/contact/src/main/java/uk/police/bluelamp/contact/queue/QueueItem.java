package uk.police.bluelamp.contact.queue;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import uk.police.bluelamp.contact.handler.Skills;
import uk.police.bluelamp.messages.contact.Channel;
import uk.police.bluelamp.messages.contact.Language;
import uk.police.bluelamp.messages.contact.ReportCategory;
import uk.police.bluelamp.platform.wording.Wording;

/**
 * One contact as the live console lists it: enough to choose what to answer next, and no
 * personal data (no name, number or the citizen's own words), so lists and live pushes of it are
 * not reads of personal data; opening the contact is, and is logged (ADR 0030).
 */
public record QueueItem(
        @Schema(requiredMode = REQUIRED) String contactId,

        @Schema(requiredMode = REQUIRED, implementation = Channel.class)
        String channel,

        @Schema(
                requiredMode = REQUIRED,
                allowableValues = {"WAITING", "ASSIGNED", "ABANDONED", "CLOSED"})
        String state,

        @Schema(requiredMode = REQUIRED) int priority,
        String grade,
        @Schema(requiredMode = REQUIRED) Instant queuedAt,
        @Schema(implementation = ReportCategory.class) String category,
        String categoryLabel,
        String reference,
        String handler,
        @Schema(requiredMode = REQUIRED) boolean overTarget,

        @Schema(requiredMode = REQUIRED, description = "Citizen chat messages since the handler last wrote")
        int unanswered,

        @Schema(description = "When the oldest of those messages came, so how long the citizen has waited")
        Instant waitingSince,

        @Schema(description = "A skill code whoever answers needs (routing and take next respect it)")
        String neededSkill,

        String neededSkillLabel,

        @Schema(
                requiredMode = REQUIRED,
                implementation = Language.class,
                description = "The language the citizen chose; a Welsh contact needs a Welsh speaker")
        String language) {

    static QueueItem of(ResultSet rs, QueueSettings settings, Skills skills, Instant now) throws SQLException {
        Instant queuedAt = rs.getTimestamp("queued_at").toInstant();
        String channel = rs.getString("channel");
        boolean waiting = "WAITING".equals(rs.getString("state"));
        boolean overTarget = waiting
                && queuedAt.plus(settings.of(Channel.valueOf(channel)).getTarget())
                        .isBefore(now);
        String category = rs.getString("category");
        Language language =
                Language.valueOf(Optional.ofNullable(rs.getString("language")).orElse(Language.ENGLISH.name()));
        // Asked for at a transfer, else the citizen's language (the Welsh Language Standards: a
        // Welsh speaker answers in Welsh), else what the category of the handler's summary calls for.
        String summaryCategory = rs.getString("summary_category");
        String neededSkill = rs.getString("needed_skill") != null
                ? rs.getString("needed_skill")
                : skills.forLanguage(language)
                        .or(() -> skills.forCategory(summaryCategory))
                        .orElse(null);
        return new QueueItem(
                rs.getString("contact_id"),
                channel,
                rs.getString("state"),
                rs.getInt("priority"),
                rs.getString("grade"),
                queuedAt,
                category,
                label(category),
                rs.getString("reference"),
                rs.getString("handler"),
                overTarget,
                rs.getInt("unanswered"),
                Optional.ofNullable(rs.getTimestamp("waiting_since"))
                        .map(Timestamp::toInstant)
                        .orElse(null),
                neededSkill,
                skills.label(neededSkill),
                language.name());
    }

    /** Whether a handler with these skills may be offered it or given it by "take next". */
    boolean suits(Set<String> handlerSkills) {
        return neededSkill == null || handlerSkills.contains(neededSkill);
    }

    QueueItem needing(String skill, Skills skills) {
        return new QueueItem(
                contactId,
                channel,
                state,
                priority,
                grade,
                queuedAt,
                category,
                categoryLabel,
                reference,
                handler,
                overTarget,
                unanswered,
                waitingSince,
                skill,
                skills.label(skill),
                language);
    }

    static String label(String category) {
        return category == null ? null : Wording.of(ReportCategory.valueOf(category));
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
