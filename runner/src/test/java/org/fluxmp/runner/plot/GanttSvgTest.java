package org.fluxmp.runner.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The chart is well-formed SVG with one row per task; the critical path is marked. No renderer needed. */
class GanttSvgTest {
    static final Path REAL = Path.of(System.getProperty("fluxmp.home", "..")).resolve(
            "testdata/flux-samples/modprobe-stats-rc1.json");
    static final Set<String> MODULES = Set.of("content", "heartbeat", "cron", "content-sqlite", "kvs", "kvs-watch",
            "resource", "job-manager", "job-info", "job-list", "job-ingest", "job-exec", "sched-simple");

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Element> rows(Document d) {
        List<Element> out = new ArrayList<>();
        NodeList gs = d.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        for (int i = 0; i < gs.getLength(); i++) {
            Element g = (Element) gs.item(i);
            if (List.of(g.getAttribute("class").split(" ")).contains("row")) {
                out.add(g);
            }
        }
        return out;
    }

    @Test
    void theRealTimingListGivesWellFormedSvgWithOneRowPerEntry() throws Exception {
        List<Bar> bars = TimingList.read(REAL, MODULES::contains);
        String svg = GanttSvg.render("rc1", null, bars, CriticalPath.of(bars, null));
        Document d = parse(svg);
        assertEquals("svg", d.getDocumentElement().getLocalName());
        List<Element> rows = rows(d);
        assertEquals(22, rows.size(), "4 planner phases and 18 tasks");
        for (int i = 0; i < rows.size(); i++) {
            assertTrue(rows.get(i).getTextContent().contains(bars.get(i).name()), "row " + i + " names its task");
        }
    }

    @Test
    void criticalRowsAreMarkedAndModulesAndTasksHaveTheirOwnColours() throws Exception {
        List<Bar> bars = TimingList.fromFirstTask(TimingList.read(REAL, MODULES::contains));
        List<String> critical = CriticalPath.of(bars, null);
        Document d = parse(GanttSvg.render("rc1", "note", bars, critical));
        List<String> marked = new ArrayList<>();
        for (Element row : rows(d)) {
            Element rect = (Element) row.getElementsByTagNameNS("http://www.w3.org/2000/svg", "rect").item(0);
            String name = row.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text").item(0).getTextContent();
            String expected = MODULES.contains(name) ? GanttSvg.MODULE_COLOUR : GanttSvg.TASK_COLOUR;
            assertEquals(expected, rect.getAttribute("fill"), name);
            if (row.getAttribute("class").contains("critical")) {
                marked.add(name);
            }
        }
        assertEquals(critical, marked);
    }

    @Test
    void namesThatAreNotXmlSafeAreEscaped() throws Exception {
        List<Bar> bars = List.of(new Bar("a<b>&\"c\"", 0, 0.001, Bar.Kind.TASK));
        Document d = parse(GanttSvg.render("t & <u>", null, bars, List.of("a<b>&\"c\"")));
        assertEquals(1, rows(d).size());
    }

    @Test
    void tickStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(20, GanttSvg.niceStep(15.2));
        assertEquals(0.5, GanttSvg.niceStep(0.31), 1e-12);
        assertEquals(1, GanttSvg.niceStep(1));
        assertEquals(100, GanttSvg.niceStep(51));
    }
}
