package io.cinch.jdbc.differential;

import java.util.List;
import java.util.Map;

/**
 * One case of the corpus: an id (as the list of deliberate differences names it), connection settings given to both
 * drivers, statements that set the database up, and the probe whose transcript is compared.
 */
record Case(String id, Map<String, String> settings, List<String> setup, Probe probe) {

    /** A case with setup statements, without settings. */
    static Case of(String id, List<String> setup, Probe probe) {
        return new Case(id, Map.of(), setup, probe);
    }
}
