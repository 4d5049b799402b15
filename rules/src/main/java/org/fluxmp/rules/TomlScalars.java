package org.fluxmp.rules;

/** The scalar values of {@link FastToml}: strings of all four kinds, decimal integers and booleans. */
abstract class TomlScalars extends TomlCursor {
    TomlScalars(String text) {
        super(text);
    }

    Object word(String w, Boolean value) {
        if (!s.startsWith(w, pos)) {
            throw GIVE_UP;
        }
        pos += w.length();
        if (pos < s.length() && bare(s.charAt(pos))) {
            throw GIVE_UP;
        }
        return value;
    }

    /** A decimal integer ({@code +12}, {@code -3}, {@code 1_000}); anything else (floats, 0x.., dates) gives up. */
    Long integer() {
        int start = pos;
        if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
            pos++;
        }
        int digits = pos;
        boolean underscoreOk = false;
        StringBuilder sb = new StringBuilder();
        sb.append(s, start, digits);
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c >= '0' && c <= '9') {
                sb.append(c);
                underscoreOk = true;
            } else if (c == '_' && underscoreOk && pos + 1 < s.length() && Character.isDigit(s.charAt(pos + 1))) {
                underscoreOk = false;
            } else {
                break;
            }
            pos++;
        }
        if (pos == digits) {
            throw GIVE_UP;
        }
        if (s.charAt(digits) == '0' && pos - digits > 1) {
            throw GIVE_UP;
        }
        if (pos < s.length()) {
            char c = s.charAt(pos);
            if (bare(c) || c == '.' || c == ':' || c == '+') {
                throw GIVE_UP;
            }
        }
        try {
            return Long.parseLong(sb.toString());
        } catch (NumberFormatException e) {
            throw GIVE_UP;
        }
    }

    String basicString() {
        pos++;
        StringBuilder sb = null;
        int start = pos;
        while (true) {
            char c = current();
            if (c == '"') {
                String out = sb == null ? s.substring(start, pos) : sb.append(s, start, pos).toString();
                pos++;
                return out;
            }
            if (c == '\\') {
                if (sb == null) {
                    sb = new StringBuilder();
                }
                sb.append(s, start, pos);
                escape(sb);
                start = pos;
            } else if (control(c)) {
                throw GIVE_UP;
            } else {
                pos++;
            }
        }
    }

    /** At a backslash: appends what the escape stands for. */
    private void escape(StringBuilder sb) {
        if (pos + 1 >= s.length()) {
            throw GIVE_UP;
        }
        char e = s.charAt(pos + 1);
        pos += 2;
        switch (e) {
            case 'b': sb.append('\b'); return;
            case 't': sb.append('\t'); return;
            case 'n': sb.append('\n'); return;
            case 'f': sb.append('\f'); return;
            case 'r': sb.append('\r'); return;
            case '"': sb.append('"'); return;
            case '\\': sb.append('\\'); return;
            case 'u': sb.appendCodePoint(hex(4)); return;
            case 'U': sb.appendCodePoint(hex(8)); return;
            default: throw GIVE_UP;
        }
    }

    private int hex(int n) {
        if (pos + n > s.length()) {
            throw GIVE_UP;
        }
        int cp = 0;
        for (int i = 0; i < n; i++) {
            int d = Character.digit(s.charAt(pos + i), 16);
            if (d < 0) {
                throw GIVE_UP;
            }
            cp = cp * 16 + d;
        }
        pos += n;
        if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            throw GIVE_UP;
        }
        return cp;
    }

    String literalString() {
        pos++;
        int start = pos;
        while (true) {
            char c = current();
            if (c == '\'') {
                String out = s.substring(start, pos);
                pos++;
                return out;
            }
            if (control(c)) {
                throw GIVE_UP;
            }
            pos++;
        }
    }

    /** After an opening triple quote: a newline right after it is not part of the string. */
    private void trimFirstNewline() {
        if (pos < s.length() && s.charAt(pos) == '\n') {
            newline(pos + 1);
        } else if (s.startsWith("\r\n", pos)) {
            newline(pos + 2);
        }
    }

    /** At QUOTE: how many of them follow (3 to 5 close a multi-line string; the extra ones are content). */
    private int quotes(char quote) {
        int n = 0;
        while (pos + n < s.length() && s.charAt(pos + n) == quote) {
            n++;
        }
        return n;
    }

    String multiLineBasic() {
        return multiLine('"');
    }

    String multiLineLiteral() {
        return multiLine('\'');
    }

    /** A multi-line string closed by three QUOTEs; a basic one ({@code "}) has escapes and line-ending backslashes. */
    String multiLine(char quote) {
        pos += 3;
        trimFirstNewline();
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = current();
            if (c == quote) {
                int n = quotes(quote);
                if (n >= 3) {
                    if (n > 5) {
                        throw GIVE_UP;
                    }
                    sb.append(String.valueOf(quote).repeat(n - 3));
                    pos += n;
                    return sb.toString();
                }
                sb.append(String.valueOf(quote).repeat(n));
                pos += n;
            } else if (c == '\\' && quote == '"') {
                backslash(sb);
            } else if (c == '\n') {
                sb.append('\n');
                newline(pos + 1);
            } else if (s.startsWith("\r\n", pos)) {
                sb.append("\r\n");
                newline(pos + 2);
            } else if (control(c)) {
                throw GIVE_UP;
            } else {
                sb.append(c);
                pos++;
            }
        }
    }

    /** In a multi-line basic string, at a backslash: an escape, or a line ending whose newline and following blanks go. */
    private void backslash(StringBuilder sb) {
        int after = pos + 1;
        while (after < s.length() && (s.charAt(after) == ' ' || s.charAt(after) == '\t')) {
            after++;
        }
        if (after >= s.length() || (s.charAt(after) != '\n' && !s.startsWith("\r\n", after))) {
            escape(sb);
            return;
        }
        pos = after;
        skipWhite(false);
    }
}
