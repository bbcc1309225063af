package uk.police.bluelamp.app.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** docs/access-matrix.md, read as the test's rule book so that the document cannot drift from the app. */
public record AccessMatrix(List<Row> rows) {

    static final Path FILE = Path.of("../../docs/access-matrix.md");

    /** The people the matrix has a column for, in its order. */
    public enum Who {
        ANONYMOUS("Anonymous"),
        CITIZEN_OWN("Citizen, own"),
        CITIZEN_OTHER("Citizen, another's"),
        HANDLER("HANDLER"),
        SUPERVISOR("SUPERVISOR"),
        AUDITOR("AUDITOR"),
        ADMIN("ADMIN"),
        DATA_PROTECTION("DATA_PROTECTION");

        final String column;

        Who(String column) {
            this.column = column;
        }

        boolean staff() {
            return ordinal() >= HANDLER.ordinal();
        }
    }

    /** {@code personalData}: the Personal data cell ("logged", "listed" or empty). */
    public record Row(String method, List<String> paths, Map<Who, String> cells, String personalData) {

        public boolean logged() {
            return personalData.equals("logged");
        }

        boolean stomp() {
            return method.equals("SUBSCRIBE") || method.equals("SEND");
        }

        boolean write() {
            return !stomp() && !method.equals("GET") && !method.equals("ANY");
        }
    }

    public static AccessMatrix read() {
        try {
            return parse(Files.readAllLines(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("the access matrix is read from " + FILE.toAbsolutePath(), e);
        }
    }

    static AccessMatrix parse(List<String> lines) {
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        for (String line : lines) {
            if (!line.startsWith("|") || line.startsWith("|---")) {
                continue;
            }
            List<String> cells = cells(line);
            if (header == null) {
                header = cells;
                continue;
            }
            Map<Who, String> byWho = new LinkedHashMap<>();
            for (Who who : Who.values()) {
                int column = header.indexOf(who.column);
                if (column < 0) {
                    throw new IllegalStateException("the access matrix has no column " + who.column);
                }
                byWho.put(who, cells.get(column));
            }
            List<String> paths = Arrays.stream(
                            cells.get(header.indexOf("Route")).split(","))
                    .map(String::strip)
                    .toList();
            int personal = header.indexOf("Personal data");
            rows.add(new Row(
                    cells.get(header.indexOf("Method")), paths, byWho, personal < 0 ? "" : cells.get(personal)));
        }
        return new AccessMatrix(rows);
    }

    private static List<String> cells(String line) {
        String inner = line.strip();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
    }

    List<String> routes() {
        return rows.stream()
                .flatMap(row -> row.paths().stream().map(path -> row.method() + " " + path))
                .toList();
    }
}
