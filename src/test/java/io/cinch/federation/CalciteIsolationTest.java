package io.cinch.federation;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Calcite stays out of the single-tenant path: a JVM that only uses tenant connections loads no Calcite class, one that opens tenant=* does. */
class CalciteIsolationTest {
    @TempDir
    Path dir;

    private List<String> calciteClasses(String mode, String expectedProbe) throws Exception {
        List<String> lines = ChildJvm.probe(dir, List.of("-verbose:class"), mode, dir.resolve("project").toString());
        assertEquals(expectedProbe, ChildJvm.probeLine(lines));
        return lines.stream().filter(l -> l.contains("org.apache.calcite")).toList();
    }

    @Test
    void tenantConnectionsCodeLoadsNoCalciteClass() throws Exception {
        List<String> loaded = calciteClasses("tenant-driver", "PROBE rows=21");
        assertEquals(List.of(), loaded.subList(0, Math.min(5, loaded.size())), loaded.size() + " Calcite classes loaded");
    }

    @Disabled("BUG: DriverManager's first use loads every java.sql.Driver named in META-INF/services of the class path; "
            + "calcite-core (org.apache.calcite.jdbc.Driver) and avatica-core (org.apache.calcite.avatica.remote.Driver) name "
            + "theirs, and cinch.jar merges them (ServicesResourceTransformer), so an application using only tenant connections "
            + "loads ~40 Calcite/Avatica classes and runs Calcite's driver initializer; fix: relocate org.apache.calcite in the "
            + "shaded jar and exclude calcite-core's and avatica-core's META-INF/services/java.sql.Driver from it (Federation "
            + "instantiates Calcite's driver directly), and make calcite-core optional or shaded for Maven users")
    @Test
    void applicationUsingOnlyTenantConnectionsThroughDriverManagerLoadsNoCalciteClass() throws Exception {
        List<String> loaded = calciteClasses("tenant", "PROBE rows=21");
        assertEquals(List.of(), loaded.subList(0, Math.min(5, loaded.size())), loaded.size() + " Calcite classes loaded");
    }

    @Test
    void crossTenantConnectionLoadsCalcite() throws Exception {
        List<String> loaded = calciteClasses("cross", "PROBE rows=2");
        assertTrue(loaded.stream().anyMatch(l -> l.contains(" org.apache.calcite.jdbc.CalciteConnection")), "the scan sees class loads");
        assertTrue(loaded.size() > 100, loaded.size() + " Calcite classes loaded");
    }
}
