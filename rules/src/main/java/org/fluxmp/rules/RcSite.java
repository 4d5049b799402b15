package org.fluxmp.rules;

import java.util.List;
import java.util.function.IntUnaryOperator;
import org.fluxmp.boot.Place;
import org.fluxmp.boot.Problem;

/**
 * The rc file being read, as its readers report on it: FILE's name, LINES mapping a line of the
 * document read to a line of FILE, and the list PROBLEMS are collected in.
 */
record RcSite(String file, IntUnaryOperator lines, List<Problem> problems) {
    /** Adds a problem at LINE of the document read. */
    void problem(int line, String message) {
        problems.add(new Problem(file, lines.applyAsInt(line), message));
    }

    /** Where LINE of the document read is. */
    Place place(int line) {
        return new Place(file, lines.applyAsInt(line));
    }
}
