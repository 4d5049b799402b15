package org.fluxmp.boot.cache;

import java.util.List;

/** A setup {@code run} step as it ran while planning: its script, place and the directives it printed. */
public record SetupRecord(String script, String file, int line, List<String> directives) {}
