package org.fluxmp.rules;

import java.util.Map;

/** What a task does: a bash script, one broker RPC, a Java class, or a Python drop-in's function. */
public record Body(Kind kind, String text, Map<String, Object> payload) {
    public enum Kind {
        RUN("run"),
        RPC("rpc"),
        JAVA("java"),
        /** A Python drop-in's task: the text is the bridge's command line, one word a line. */
        PYTHON("python");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }
}
