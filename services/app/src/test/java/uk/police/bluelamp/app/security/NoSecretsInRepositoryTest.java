package uk.police.bluelamp.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every file git tracks is read for what a leaked secret looks like: a private key, a GOV.UK
 * Notify API key, or a password, token or key given a literal value in configuration instead of
 * an environment placeholder. The demo profile's labelled placeholders are the only literals.
 */
class NoSecretsInRepositoryTest {

    private static final List<Pattern> SECRET_SHAPES = List.of(
            Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"),
            // Notify keys: a name, then the service id and the secret, both UUIDs.
            Pattern.compile(
                    "[a-z0-9_]+-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
            Pattern.compile(
                    "(?i)^\\s*[a-z_.-]*(password|passcode|secret|api-?key|token|pepper)\\s*[:=]\\s*(?![\"']?\\$\\{)(?![\"']?$)\\S+"));

    /** Literals that are placeholders by design, each named so it cannot pass for a real secret. */
    private static final Pattern DEMO_PLACEHOLDER =
            Pattern.compile("demo-[a-z-]*(not-for-production|cti-token)|\\{noop\\}|blue-lamp-");

    @Test
    void noTrackedFileHoldsASecret() throws Exception {
        Path root = repositoryRoot();
        List<String> leaks = new ArrayList<>();
        for (String file : trackedFiles(root)) {
            if (file.endsWith(getClass().getSimpleName() + ".java") || !isText(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(root.resolve(file), StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (SECRET_SHAPES.stream().anyMatch(shape -> shape.matcher(line).find())
                        && !DEMO_PLACEHOLDER.matcher(line).find()
                        && isConfiguration(file, line)) {
                    leaks.add(file + ":" + (i + 1) + ": " + line.strip());
                }
            }
        }
        assertThat(leaks).as("secret-looking values in the repository").isEmpty();
    }

    @Test
    void theScanRecognisesWhatALeakLooksLike() {
        assertThat(SECRET_SHAPES.stream()
                        .anyMatch(p -> p.matcher("    api-key: live-1b2c").find()))
                .isTrue();
        assertThat(SECRET_SHAPES.stream()
                        .anyMatch(p ->
                                p.matcher("-----BEGIN RSA PRIVATE KEY-----").find()))
                .isTrue();
        assertThat(SECRET_SHAPES.stream()
                        .anyMatch(p -> p.matcher("    api-key: ${BLUELAMP_NOTIFY_APIKEY:}")
                                .find()))
                .isFalse();
        assertThat(SECRET_SHAPES.stream()
                        .anyMatch(p -> p.matcher("      SPRING_DATASOURCE_PASSWORD: ${POSTGRES_PASSWORD:?set}")
                                .find()))
                .isFalse();
    }

    /** Keys and Notify-shaped strings count anywhere; a "password: x" line only in configuration. */
    private static boolean isConfiguration(String file, String line) {
        boolean keyOrNotify = SECRET_SHAPES.subList(0, 2).stream()
                .anyMatch(shape -> shape.matcher(line).find());
        return keyOrNotify
                || file.matches(".*\\.(ya?ml|properties|env|json|conf|toml)$")
                || file.endsWith("Dockerfile");
    }

    private static boolean isText(String file) {
        return !file.matches(".*\\.(png|jpg|jpeg|gif|ico|woff2?|ttf|jar|gz|zip|pdf)$");
    }

    private static List<String> trackedFiles(Path root) throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "ls-files")
                .directory(root.toFile())
                .redirectErrorStream(true)
                .start();
        List<String> files = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .filter(f -> Files.isRegularFile(root.resolve(f)))
                .toList();
        assertThat(git.waitFor()).as("git ls-files").isZero();
        assertThat(files).as("tracked files").hasSizeGreaterThan(50);
        return files;
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve(".git"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("the repository root").isNotNull();
        return dir;
    }
}
