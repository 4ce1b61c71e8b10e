package io.cinch.federation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged driver jar ({@code target/cinch-<version>.jar}, run after {@code package}, with sqlite-jdbc and Caffeine
 * beside it) keeps Calcite out of an application that only opens tenant connections through DriverManager, and still
 * answers tenant=* with its relocated Calcite.
 */
class PackagedJarIT {
    private static final Path JAR = Path.of("target", "cinch-" + System.getProperty("cinch.version", "0.1.0-SNAPSHOT") + ".jar");

    @TempDir
    Path dir;

    private List<String> calciteClasses(String mode, String expectedProbe) throws Exception {
        assertTrue(Files.isRegularFile(JAR), "run after mvn package: " + JAR.toAbsolutePath());
        String sep = java.io.File.pathSeparator;
        String dependencies = java.util.Arrays.stream(System.getProperty("java.class.path").split(sep))
                .filter(entry -> entry.contains("sqlite-jdbc") || entry.contains("caffeine"))
                .collect(java.util.stream.Collectors.joining(sep));
        String classPath = Path.of("target", "test-classes") + sep + JAR + sep + dependencies;
        List<String> lines = ChildJvm.probeOn(classPath, dir, List.of("-verbose:class"), mode, dir.resolve("project").toString());
        assertEquals(expectedProbe, ChildJvm.probeLine(lines));
        return lines.stream().filter(l -> l.contains("[class,load]") && l.contains("calcite")).toList();
    }

    @Test
    void tenantConnectionsThroughDriverManagerLoadNoCalciteClass() throws Exception {
        List<String> loaded = calciteClasses("tenant", "PROBE rows=21");
        assertEquals(List.of(), loaded.subList(0, Math.min(5, loaded.size())), loaded.size() + " Calcite classes loaded");
    }

    @Test
    void crossTenantConnectionRunsOnTheRelocatedCalcite() throws Exception {
        List<String> loaded = calciteClasses("cross", "PROBE rows=2");
        assertTrue(loaded.stream().anyMatch(l -> l.contains(" io.cinch.shaded.calcite.jdbc.CalciteConnection")),
                loaded.size() + " Calcite classes loaded");
        assertTrue(loaded.stream().noneMatch(l -> l.contains(" org.apache.calcite.")), "only the relocated Calcite");
    }
}
