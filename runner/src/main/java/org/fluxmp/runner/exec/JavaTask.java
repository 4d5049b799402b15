package org.fluxmp.runner.exec;

import java.util.Map;

/**
 * A task body written in Java ({@code java = "fully.qualified.ClassName"}): a public class with a
 * public no-argument constructor, from the tool itself or from a jar in an rcN.d directory.
 */
public interface JavaTask {
    void run(Context context) throws Exception;

    /** What a Java task may use. */
    interface Context {
        int rank();

        /** The local environment first, then what earlier tasks set. */
        String getenv(String name);

        /** Shared data set by earlier tasks. */
        String get(String key);

        void set(String key, String value);

        void setenv(String name, String value) throws Exception;

        void setopt(String module, String options);

        Map<String, Object> rpc(String topic, Map<String, Object> payload) throws Exception;

        /** Prints to the tool's stdout. */
        void print(String line);
    }
}
