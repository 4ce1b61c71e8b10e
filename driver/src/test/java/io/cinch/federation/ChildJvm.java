package io.cinch.federation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@link ClassLoadingProbe} in a fresh JVM (on the test class path, or another) and returns what it printed. */
final class ChildJvm {
    private ChildJvm() {
    }

    /** The probe's output (stdout and stderr), after checking that it exited normally and printed its PROBE line. */
    static List<String> probe(Path work, List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        return probeOn(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")), work,
                jvmOptions, args);
    }

    /** As {@link #probe}, on the given class path. */
    static List<String> probeOn(String classPath, Path work, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(ClassLoadingProbe.class.getName());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(work, "probe", ".txt");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        // A guard against a hung child, not a measurement: nothing here depends on how long the child takes.
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the probe did not finish: " + command);
        }
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0 || lines.stream().noneMatch(l -> l.startsWith("PROBE "))) {
            throw new AssertionError("the probe failed (exit " + p.exitValue() + "): "
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
        }
        return lines;
    }

    /** The probe's PROBE line. */
    static String probeLine(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("PROBE ")).findFirst().orElseThrow();
    }
}
