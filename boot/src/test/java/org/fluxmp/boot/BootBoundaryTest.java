package org.fluxmp.boot;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: the boot module depends on the JDK alone. Its class path holds nothing but its own
 * classes and the test libraries, and no compiled boot class names a class of the planner's
 * libraries or of the project's planner modules (the planner is reached only by name, at run time).
 * The build's enforcer rule says the same of the declared dependencies.
 */
class BootBoundaryTest {
    private static final List<String> FORBIDDEN = List.of("picocli/", "org/drools/", "org/kie/", "org/chocosolver/",
            "org/tomlj/", "org/antlr/", "org/fluxmp/rules/", "org/fluxmp/solver/", "org/fluxmp/runner/");

    private static Path classes() {
        return Path.of(Boot.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    }

    @Test
    void theClassPathHoldsTheBootAndTestLibrariesOnly() {
        List<String> others = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            boolean ours = entry.contains("boot" + File.separator + "target");
            boolean testLibrary = name.startsWith("junit-") || name.startsWith("opentest4j-")
                    || name.startsWith("apiguardian-") || name.startsWith("surefire") || name.startsWith("common-")
                    || name.startsWith("jackson-");
            if (!ours && !testLibrary) {
                others.add(name);
            }
        }
        assertTrue(others.isEmpty(), "on the boot module's class path: " + others);
    }

    @Test
    void noBootClassNamesAPlannerClass() throws IOException {
        Path root = classes();
        assertTrue(Files.isRegularFile(root.resolve("org/fluxmp/boot/Boot.class")), "compiled classes at " + root);
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                for (String pkg : FORBIDDEN) {
                    if (text.contains(pkg)) {
                        offenders.add(root.relativize(f) + " names " + pkg);
                    }
                }
            }
        }
        assertTrue(offenders.isEmpty(), "boot classes that reach into the planner: " + offenders);
    }

    @Test
    void theCheckWouldSeeAReference() throws IOException {
        // the planner's entry point is named as a string (dots), never as a class reference (slashes)
        String boot = new String(Files.readAllBytes(classes().resolve("org/fluxmp/boot/Boot.class")), StandardCharsets.ISO_8859_1);
        assertTrue(boot.contains("org.fluxmp.runner.Main"));
        assertFalse(boot.contains("org/fluxmp/runner/Main"));
    }
}
