package org.fluxmp.runner.plot;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A Gantt chart of one run as a self-contained SVG (like {@code systemd-analyze plot}): a row per
 * task in order of start, a time axis with grid lines, colours for module loads/removes, other
 * tasks and the planner's phases, the critical path outlined in red and joined by a line, and a
 * tooltip ({@code <title>}) on every bar. Each row is a {@code <g class="row">}.
 */
public final class GanttSvg {
    static final String MODULE_COLOUR = "#4e79a7";
    static final String TASK_COLOUR = "#f28e2b";
    static final String PLANNER_COLOUR = "#bab0ac";
    static final String CRITICAL_COLOUR = "#d62728";

    private static final int WIDTH = 1100;
    private static final int ROW = 22;
    private static final int BAR = 14;
    private static final int TOP = 92;
    private static final int RIGHT = 80;
    private static final int PAD = 16;
    private static final double CHAR_W = 7.2;

    private GanttSvg() {}

    /** NOTE (may be null) is added to the summary line under the title. */
    public static String render(String title, String note, List<Bar> bars, List<String> critical) {
        Set<String> onPath = new HashSet<>(critical);
        GanttAxis axis = axis(bars);
        int height = TOP + bars.size() * ROW + 44;

        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" font-size=\"12\">\n",
                WIDTH, height, WIDTH, height));
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        heading(sb, title, note, bars, critical, onPath, axis);
        grid(sb, bars.size(), axis);
        criticalPath(sb, bars, critical, axis);
        for (int i = 0; i < bars.size(); i++) {
            row(sb, i, bars.get(i), onPath.contains(bars.get(i).name()), axis);
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    /** The axis for BARS: from the earliest start (0 at the latest) to the last end, in ms under 10 s. */
    private static GanttAxis axis(List<Bar> bars) {
        double t0 = 0;
        double t1 = 0;
        int longest = 8;
        for (Bar b : bars) {
            t0 = Math.min(t0, b.start());
            t1 = Math.max(t1, b.end());
            longest = Math.max(longest, b.name().length());
        }
        if (t1 <= t0) {
            t1 = t0 + 0.001;
        }
        boolean ms = t1 - t0 < 10;
        double unit = ms ? 1000 : 1;
        double step = niceStep((t1 - t0) * unit / 10);
        double axisEnd = Math.ceil((t1 - t0) * unit / step) * step;
        int left = PAD + (int) Math.ceil(longest * CHAR_W) + 12;
        double plotW = WIDTH - left - RIGHT;
        return new GanttAxis(t0, t1, unit, ms ? "ms" : "s", step, axisEnd, left, plotW / axisEnd);
    }

    /** The title, the summary line (how many tasks, how long, the critical path) and the legend. */
    private static void heading(StringBuilder sb, String title, String note, List<Bar> bars, List<String> critical,
            Set<String> onPath, GanttAxis axis) {
        double pathMs = 0;
        int tasks = 0;
        for (Bar b : bars) {
            if (onPath.contains(b.name())) {
                pathMs += b.duration() * 1000;
            }
            tasks += b.kind() == Bar.Kind.PLANNER ? 0 : 1;
        }
        sb.append(text(PAD, 24, "font-size=\"17\" font-weight=\"bold\" fill=\"#222\"", title));
        String summary = String.format(Locale.ROOT, "%d task%s, finished after %s; critical path: %d step%s, %s of work",
                tasks, tasks == 1 ? "" : "s", fmt((axis.t1() - axis.t0()) * 1000), critical.size(),
                critical.size() == 1 ? "" : "s", fmt(pathMs));
        sb.append(text(PAD, 44, "fill=\"#555\"", note == null ? summary : summary + "; " + note));

        int lx = PAD;
        lx = legend(sb, lx, "fill=\"" + MODULE_COLOUR + "\"", "module load/remove");
        lx = legend(sb, lx, "fill=\"" + TASK_COLOUR + "\"", "task (run, rpc, java)");
        if (bars.size() > tasks) {
            lx = legend(sb, lx, "fill=\"" + PLANNER_COLOUR + "\"", "planner");
        }
        legend(sb, lx, "fill=\"#ffffff\" stroke=\"" + CRITICAL_COLOUR + "\" stroke-width=\"2\"", "critical path");
    }

    /** Row stripes for ROWS rows, and the grid lines with their labels above and below. */
    private static void grid(StringBuilder sb, int rows, GanttAxis axis) {
        int chartBottom = TOP + rows * ROW;
        sb.append("<g class=\"grid\">\n");
        for (int i = 0; i < rows; i += 2) {
            sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#f4f5f7\"/>\n",
                    PAD, TOP + i * ROW, WIDTH - PAD - 8, ROW));
        }
        for (double v = 0; v <= axis.axisEnd() + axis.step() / 2; v += axis.step()) {
            double x = axis.left() + v * axis.scale();
            sb.append(String.format(Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#d0d4da\" stroke-width=\"1\"/>\n",
                    x, TOP - 4, x, chartBottom + 4));
            String label = tick(v) + " " + axis.unitName();
            sb.append(text(x, TOP - 9, "text-anchor=\"middle\" font-size=\"11\" fill=\"#555\"", label));
            sb.append(text(x, chartBottom + 18, "text-anchor=\"middle\" font-size=\"11\" fill=\"#555\"", label));
        }
        sb.append("</g>\n");
    }

    /** The critical path's connectors, under the bars. */
    private static void criticalPath(StringBuilder sb, List<Bar> bars, List<String> critical, GanttAxis axis) {
        sb.append("<g class=\"critical-path\" fill=\"none\" stroke=\"" + CRITICAL_COLOUR
                + "\" stroke-width=\"1.5\" stroke-dasharray=\"3,2\">\n");
        Bar prev = null;
        int prevRow = -1;
        for (String name : critical) {
            int row = indexOf(bars, name);
            if (row < 0) {
                continue;
            }
            Bar b = bars.get(row);
            if (prev != null) {
                double x1 = axis.x(prev.end());
                double y1 = TOP + prevRow * ROW + ROW / 2.0;
                double x2 = axis.x(b.start());
                double y2 = TOP + row * ROW + ROW / 2.0;
                // down from the end of the earlier bar, then across to the start of the next: the
                // line never crosses the duration label to the right of a bar
                double yb = y1 + (y2 > y1 ? BAR / 2.0 : -BAR / 2.0);
                sb.append(String.format(Locale.ROOT, "<polyline points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\"/>\n",
                        x1, yb, x1, y2, Math.max(x1, x2), y2));
            }
            prev = b;
            prevRow = row;
        }
        sb.append("</g>\n");
    }

    /** Row I: bar B (CRIT: on the critical path) with its name, tooltip and duration. */
    private static void row(StringBuilder sb, int i, Bar b, boolean crit, GanttAxis axis) {
        double y = TOP + i * ROW;
        double x = axis.x(b.start());
        double w = Math.max(2, b.duration() * axis.unit() * axis.scale());
        String colour = b.kind() == Bar.Kind.MODULE ? MODULE_COLOUR
                : b.kind() == Bar.Kind.TASK ? TASK_COLOUR : PLANNER_COLOUR;
        sb.append("<g class=\"row").append(crit ? " critical" : "").append("\">");
        sb.append("<title>").append(esc(String.format(Locale.ROOT, "%s (%s): starts at %s, takes %s%s", b.name(),
                kindName(b.kind()), fmt((b.start() - axis.t0()) * 1000), fmt(b.duration() * 1000),
                crit ? " - on the critical path" : ""))).append("</title>");
        sb.append(text(axis.left() - 10, y + ROW / 2.0 + 4,
                "text-anchor=\"end\" fill=\"" + (crit ? CRITICAL_COLOUR : "#222") + "\""
                        + (crit ? " font-weight=\"bold\"" : ""), b.name()).trim());
        sb.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" rx=\"3\" fill=\"%s\"%s/>",
                x, y + (ROW - BAR) / 2.0, w, BAR, colour,
                crit ? " stroke=\"" + CRITICAL_COLOUR + "\" stroke-width=\"2\"" : " fill-opacity=\"0.75\""));
        String dur = fmt(b.duration() * 1000);
        double tx = x + w + 5;
        String anchor = "start";
        if (tx + dur.length() * 6.5 > WIDTH - 8) {
            tx = x - 5;
            anchor = "end";
        }
        // a white halo keeps the label readable where the critical path's line crosses it
        sb.append(text(tx, y + ROW / 2.0 + 4, "text-anchor=\"" + anchor
                + "\" font-size=\"11\" fill=\"#666\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\"", dur).trim());
        sb.append("</g>\n");
    }

    private static int legend(StringBuilder sb, int x, String style, String label) {
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"56\" width=\"22\" height=\"12\" rx=\"3\" %s/>", x, style));
        sb.append(text(x + 28, 66.5, "fill=\"#333\"", label));
        return x + 28 + (int) Math.ceil(label.length() * 6.8) + 26;
    }

    private static int indexOf(List<Bar> bars, String name) {
        for (int i = 0; i < bars.size(); i++) {
            if (bars.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String kindName(Bar.Kind k) {
        switch (k) {
            case MODULE: return "module";
            case TASK: return "task";
            default: return "planner";
        }
    }

    /** 1, 2 or 5 times a power of ten, at least RAW. */
    static double niceStep(double raw) {
        if (raw <= 0) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= raw) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static String tick(double v) {
        if (Math.abs(v - Math.rint(v)) < 1e-9) {
            return Long.toString(Math.round(v));
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /** Milliseconds for people: 0.46 ms, 14.2 ms, 152 ms, 1.25 s. */
    static String fmt(double ms) {
        if (ms >= 1000) {
            return String.format(Locale.ROOT, "%.2f s", ms / 1000);
        }
        if (ms >= 100) {
            return String.format(Locale.ROOT, "%.0f ms", ms);
        }
        if (ms >= 10) {
            return String.format(Locale.ROOT, "%.1f ms", ms);
        }
        return String.format(Locale.ROOT, "%.2f ms", ms);
    }

    private static String text(double x, double y, String attrs, String s) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" %s>%s</text>\n", x, y, attrs, esc(s));
    }

    static String esc(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&': sb.append("&amp;"); break;
                case '<': sb.append("&lt;"); break;
                case '>': sb.append("&gt;"); break;
                case '"': sb.append("&quot;"); break;
                case '\'': sb.append("&apos;"); break;
                default:
                    // characters XML 1.0 cannot hold at all
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        sb.append('?');
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.toString();
    }
}
