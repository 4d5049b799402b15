package org.fluxmp.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.fluxmp.boot.Problem;
import org.fluxmp.boot.facts.StaticFacts;
import org.fluxmp.boot.files.ConfigFiles;
import org.fluxmp.boot.files.SearchPath;
import org.junit.jupiter.api.Test;

/**
 * SPEC 1 files and search path: the built-in files first, then each search-path dir's
 * modprobe.d/*.toml and rcN.d/*.toml in name order; FLUX_MODPROBE_PATH replaces the default dirs,
 * FLUX_MODPROBE_PATH_APPEND appends, empty entries are dropped and the first of duplicates kept.
 * Fixture: testdata/rules/search-path (etc/, d1/, d2/).
 */
class SearchPathTest {

    private static long priorityOfM(ModprobeRules r) {
        return r.table().unit("m").orElseThrow().getPriority();
    }

    private static List<String> names(List<Path> files) {
        return files.stream().map(p -> p.getParent().getFileName() + "/" + p.getFileName()).collect(Collectors.toList());
    }

    @Test
    void modprobeDFilesAreReadInNameOrder() {
        // a.toml sets 10, b.toml sets 20: b is read last
        assertEquals(20, priorityOfM(Scenario.of("search-path").open()));
    }

    @Test
    void onlyTomlFilesAreRead() {
        assertEquals(List.of("etc/modprobe.toml", "modprobe.d/a.toml", "modprobe.d/b.toml"),
                names(Scenario.of("search-path").open().filesRead()));
    }

    @Test
    void laterSearchPathDirsAreReadAfterEarlierOnes() {
        assertEquals(30, priorityOfM(Scenario.of("search-path").searchDir("search-path/d2").open()));
    }

    @Test
    void aMissingSearchPathDirIsNotAProblem() {
        ModprobeRules r = ModprobeRules.open(new SearchPath(Scenario.RULES_DATA.resolve("search-path/etc"),
                List.of("/nonexistent/flux/modprobe")), new StaticFacts(Map.of()), v -> {});
        assertEquals(List.of(), r.problems());
        assertEquals(1, priorityOfM(r));
    }

    @Test
    void verboseSaysWhereItLooks() {
        Scenario s = Scenario.of("search-path");
        s.rc1();
        String d1 = Scenario.RULES_DATA.resolve("search-path/d1").toString();
        String etc = Scenario.RULES_DATA.resolve("search-path/etc").toString();
        List<String> checking = s.verboseLines().stream().filter(l -> l.startsWith("checking ")).collect(Collectors.toList());
        assertEquals(List.of(
                "checking " + etc + "/modprobe.toml",
                "checking " + d1 + "/modprobe.d/*.toml",
                "checking " + etc + "/rc1.toml",
                "checking " + d1 + "/rc1.d/*.toml"), checking);
    }

    @Test
    void runlevelReadsTheBuiltinRcFileThenTheDropIns() {
        ModprobeRules r = Scenario.of("search-path").rc1();
        assertEquals(List.of("etc/rc1.toml", "rc1.d/01.toml"), names(r.filesRead()).subList(3, 5));
        assertEquals(List.of("builtin-task", "d1-task"), r.decide().runnable());
    }

    @Test
    void pythonDropInsAreReadInNameOrderWithTheToml() {
        ModprobeRules r = Scenario.of("search-path").rc1();
        assertEquals(List.of("etc/rc1.toml", "rc1.d/01.toml", "rc1.d/02.py"), names(r.filesRead()).subList(3, 6));
    }

    @Test
    void pythonFilesInModprobeDAreNotRead() throws Exception {
        Path d = Files.createTempDirectory("modprobe-d");
        Files.createDirectories(d.resolve("modprobe.d"));
        Files.writeString(d.resolve("modprobe.d/site.py"), "x = 1\n");
        List<Problem> problems = new java.util.ArrayList<>();
        assertEquals(List.of(), new ConfigFiles(new SearchPath(d, List.of(d.toString())), ConfigFiles.QUIET)
                .moduleConfig(problems));
    }

    // ---- SearchPath.fromEnvironment ----

    private static final Path BUILTIN = Path.of("/builtin");

    @Test
    void defaultSearchPath() {
        assertEquals(List.of("/usr/share/flux/modprobe", "/etc/flux/modprobe"),
                SearchPath.fromEnvironment(BUILTIN, Map.of()).dirs());
    }

    @Test
    void rcDropInsDefaultToLibexecdirThenSysconfdir() {
        assertEquals(List.of("/usr/libexec/flux/modprobe", "/etc/flux/modprobe"),
                SearchPath.fromEnvironment(BUILTIN, Map.of()).rcDirs());
    }

    @Test
    void fluxModprobePathReplacesBothDefaults() {
        SearchPath p = SearchPath.fromEnvironment(BUILTIN, Map.of("FLUX_MODPROBE_PATH", "/a", "FLUX_MODPROBE_PATH_APPEND", "/b"));
        assertEquals(List.of("/a", "/b"), p.dirs());
        assertEquals(List.of("/a", "/b"), p.rcDirs());
    }

    @Test
    void fluxModprobePathReplacesTheDefault() {
        assertEquals(List.of("/test/path"),
                SearchPath.fromEnvironment(BUILTIN, Map.of("FLUX_MODPROBE_PATH", "/test/path")).dirs());
    }

    @Test
    void fluxModprobePathAppendIsAppendedToTheDefault() {
        assertEquals(List.of("/usr/share/flux/modprobe", "/etc/flux/modprobe", "/test/path"),
                SearchPath.fromEnvironment(BUILTIN, Map.of("FLUX_MODPROBE_PATH_APPEND", "/test/path")).dirs());
    }

    @Test
    void fluxModprobePathAndAppendWorkTogether() {
        assertEquals(List.of("/custom/path", "/append/path"), SearchPath.fromEnvironment(BUILTIN,
                Map.of("FLUX_MODPROBE_PATH", "/custom/path", "FLUX_MODPROBE_PATH_APPEND", "/append/path")).dirs());
    }

    @Test
    void emptyEntriesAreDropped() {
        assertEquals(List.of("/path1", "/path2", "/append1", "/append2"), SearchPath.fromEnvironment(BUILTIN,
                Map.of("FLUX_MODPROBE_PATH", "/path1::/path2", "FLUX_MODPROBE_PATH_APPEND", ":/append1::/append2:")).dirs());
    }

    @Test
    void duplicateDirsAreRemovedKeepingTheFirst() {
        assertEquals(List.of("/test/path", "/other/path", "/third/path"), SearchPath.fromEnvironment(BUILTIN,
                Map.of("FLUX_MODPROBE_PATH", "/test/path:/other/path", "FLUX_MODPROBE_PATH_APPEND", "/test/path:/third/path")).dirs());
    }
}
