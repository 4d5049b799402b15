package org.fluxmp.rules;

import org.tomlj.TomlPosition;

/**
 * The text {@link FastToml} reads and where it is in it: position, line and line start, with the
 * blanks, comments and line ends between tokens. Anything it does not take gives up ({@link #GIVE_UP}).
 */
abstract class TomlCursor {
    /** Thrown where this reader gives the file to tomlj. */
    static final class GiveUp extends RuntimeException {
        GiveUp() {
            super(null, null, false, false);
        }
    }

    static final GiveUp GIVE_UP = new GiveUp();

    final String s;
    int pos;
    int line = 1;
    int lineStart;

    TomlCursor(String text) {
        this.s = text;
    }

    /** The character at the cursor; at the end of the text, give up. */
    final char current() {
        if (pos >= s.length()) {
            throw GIVE_UP;
        }
        return s.charAt(pos);
    }

    /** Spaces, tabs, comments and newlines. */
    void skipBlank() {
        skipWhite(true);
    }

    /** Spaces, tabs and newlines, and comments if COMMENTS. */
    void skipWhite(boolean comments) {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t') {
                pos++;
            } else if (c == '\n') {
                newline(pos + 1);
            } else if (c == '\r' && pos + 1 < s.length() && s.charAt(pos + 1) == '\n') {
                newline(pos + 2);
            } else if (c == '#' && comments) {
                comment();
            } else {
                return;
            }
        }
    }

    void newline(int next) {
        pos = next;
        line++;
        lineStart = next;
    }

    private void comment() {
        while (pos < s.length() && s.charAt(pos) != '\n' && s.charAt(pos) != '\r') {
            char c = s.charAt(pos);
            if (control(c)) {
                throw GIVE_UP;
            }
            pos++;
        }
    }

    void skipSpaces() {
        while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
            pos++;
        }
    }

    /** After a header or key/value: spaces, an optional comment, then a newline or the end. */
    void endOfLine() {
        skipSpaces();
        if (pos < s.length() && s.charAt(pos) == '#') {
            comment();
        }
        if (pos >= s.length()) {
            return;
        }
        if (s.charAt(pos) == '\n') {
            newline(pos + 1);
        } else if (s.startsWith("\r\n", pos)) {
            newline(pos + 2);
        } else {
            throw GIVE_UP;
        }
    }

    TomlPosition here() {
        return TomlPosition.positionAt(line, pos - lineStart + 1);
    }

    /** A control character TOML allows in no string or comment (tab aside). */
    static boolean control(char c) {
        return (c < 0x20 && c != '\t') || c == 0x7f;
    }

    static boolean bare(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }
}
