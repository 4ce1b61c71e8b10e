package io.cinch.federation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Calcite stays out of the single-tenant path: cinch's tenant connections load no Calcite class, a tenant=* connection
 * does. (Through DriverManager on a Maven class path, Calcite's own driver registration loads some; the packaged jar
 * leaves it out, which {@link PackagedJarIT} checks.) A tenant=* query loads none of Calcite's rules that its planner
 * does not register, and compiles no metadata handler with Janino: both cost a JVM's first query (issue 8).
 */
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

    @Test
    void crossTenantConnectionLoadsCalcite() throws Exception {
        List<String> loaded = calciteClasses("cross", "PROBE rows=2");
        assertTrue(loaded.stream().anyMatch(l -> l.contains(" org.apache.calcite.jdbc.CalciteConnection")), "the scan sees class loads");
        assertTrue(loaded.size() > 100, loaded.size() + " Calcite classes loaded");
    }

    @Test
    void crossTenantQueryLoadsOnlyTheRulesItRegistersAndCompilesNoMetadataHandler() throws Exception {
        List<String> loaded = ChildJvm.probe(dir, List.of("-verbose:class"), "cross", dir.resolve("project").toString());
        assertEquals("PROBE rows=2", ChildJvm.probeLine(loaded));
        assertTrue(loaded.stream().anyMatch(l -> l.contains(" org.apache.calcite.rel.rules.AggregateReduceFunctionsRule ")),
                "the scan sees the registered rules");
        assertEquals(List.of(), loaded.stream().filter(l -> l.contains(" org.apache.calcite.rel.rules.CoreRules ")
                || l.contains(" org.apache.calcite.tools.Programs ") || l.contains("GeneratedMetadata")).toList());
    }
}
