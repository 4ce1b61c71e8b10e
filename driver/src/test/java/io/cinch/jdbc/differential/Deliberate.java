package io.cinch.jdbc.differential;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The differences listed as deliberate in {@code docs/differences-from-sqlite-jdbc.md}: case id to reason. */
final class Deliberate {

    static final String DOC = "docs/differences-from-sqlite-jdbc.md";
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([A-Za-z0-9._-]+)`\\s*\\|(.*)\\|\\s*$");

    private Deliberate() {
    }

    /** Every case id the document lists, with the rest of its table row. */
    static Map<String, String> load() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(find())) {
            Matcher m = ROW.matcher(line);
            if (m.matches() && out.put(m.group(1), m.group(2).trim()) != null) {
                throw new IllegalStateException(DOC + " lists " + m.group(1) + " twice");
            }
        }
        return out;
    }

    /** The document, found from the module or the repository root. */
    private static Path find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path doc = dir.resolve(DOC);
            if (Files.isRegularFile(doc)) {
                return doc;
            }
        }
        throw new IllegalStateException(DOC + " not found above " + Path.of("").toAbsolutePath());
    }
}
