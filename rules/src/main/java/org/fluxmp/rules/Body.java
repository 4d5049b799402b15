package org.fluxmp.rules;

import java.util.Map;

/** What a task does: a bash script, one broker RPC, or a Java class. */
public record Body(Kind kind, String text, Map<String, Object> payload) {
    public enum Kind {
        RUN("run"),
        RPC("rpc"),
        JAVA("java");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }
}
