package org.fluxmp.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fluxmp.boot.ToolException;
import org.fluxmp.runner.plot.Bar;
import org.fluxmp.runner.plot.CriticalPath;
import org.fluxmp.runner.plot.GanttSvg;
import org.fluxmp.runner.plot.TimingList;
import org.junit.jupiter.api.Timeout;

/**
 * What {@code plot} reads: a timing file ({@code --timing-file}, a JSON array of {name, starttime,
 * duration}) and a {@code --show-deps} map, then the chart drawn from them. Only the tool's error (ToolException)
 * (FILE: what is wrong) may escape.
 */
class TimingFileFuzzTest {
    @FuzzTest(maxDuration = FuzzBudget.PER_TARGET)
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void timingFileAndDeps(byte[] input) throws Exception {
        Path file = Files.createTempFile("fuzz-timing", ".json");
        try {
            Files.write(file, input);
            InputCost.bounded(input, () -> {
                try {
                    List<Bar> bars = TimingList.read(file, name -> name.startsWith("k"));
                    GanttSvg.render("fuzz", null, TimingList.fromFirstTask(bars), CriticalPath.of(bars, null));
                } catch (ToolException expected) {
                    // a file that is not a timing list, said so
                }
                try {
                    TimingList.readDeps(file);
                } catch (ToolException expected) {
                    // a file that is not a deps map, said so
                }
            });
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
