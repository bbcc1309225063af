package uk.police.bluelamp.contact.handler;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import uk.police.bluelamp.messages.contact.Language;

/**
 * The skills supervisors can give handlers (code and the label people read), and the report
 * categories whose contacts need one. Configured as a whole: a configured list replaces the
 * defaults rather than adding to them, so a force can drop one.
 */
@ConfigurationProperties("bluelamp.skills")
public class Skills {

    private static final Map<String, String> DEFAULT_LABELS = defaultLabels();
    private static final Map<String, String> DEFAULT_CATEGORIES = Map.of("HATE_INCIDENT", "HATE_CRIME");
    private static final Map<String, String> DEFAULT_LANGUAGES = Map.of(Language.WELSH.name(), "WELSH");

    private Map<String, String> labels = new LinkedHashMap<>();
    private Map<String, String> categories = new LinkedHashMap<>();
    /** The skill a contact in each language needs (bluelamp.skills.languages.WELSH=WELSH). */
    private Map<String, String> languages = new LinkedHashMap<>();

    private static Map<String, String> defaultLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("WELSH", "Welsh speaker");
        labels.put("HATE_CRIME", "Hate crime");
        return labels;
    }

    public Map<String, String> getLabels() {
        return labels;
    }

    public void setLabels(Map<String, String> labels) {
        this.labels = labels;
    }

    public Map<String, String> getCategories() {
        return categories;
    }

    public void setCategories(Map<String, String> categories) {
        this.categories = categories;
    }

    public Map<String, String> getLanguages() {
        return languages;
    }

    public void setLanguages(Map<String, String> languages) {
        this.languages = languages;
    }

    /** The skill a contact in this language needs, if any: none for English. */
    public Optional<String> forLanguage(Language language) {
        Map<String, String> mapping = languages.isEmpty() ? DEFAULT_LANGUAGES : languages;
        return Optional.ofNullable(language).map(l -> mapping.get(l.name())).filter(this::known);
    }

    /** Code to label, in the configured order. */
    public Map<String, String> all() {
        return labels.isEmpty() ? DEFAULT_LABELS : labels;
    }

    public boolean known(String code) {
        return code != null && all().containsKey(code);
    }

    /** The label for a code; a code no longer configured (in an old event) reads as itself. */
    public String label(String code) {
        return code == null ? null : all().getOrDefault(code, code);
    }

    /** The skill a contact of this report category needs, if any. */
    public Optional<String> forCategory(String category) {
        Map<String, String> mapping = categories.isEmpty() ? DEFAULT_CATEGORIES : categories;
        return Optional.ofNullable(category).map(mapping::get).filter(this::known);
    }
}
