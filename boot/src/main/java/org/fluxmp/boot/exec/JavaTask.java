package org.fluxmp.boot.exec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A task body written in Java ({@code java = "fully.qualified.ClassName"}): a public class with a
 * public no-argument constructor, from the tool itself or from a jar in an rcN.d directory.
 * An exception fails the task with its message ({@code NAME: MESSAGE}). A task that is stopped
 * (timeout, SIGTERM) has its thread interrupted and the programs it started killed.
 */
public interface JavaTask {
    void run(Context context) throws Exception;

    /** What a Java task may use. */
    interface Context {
        int rank();

        /** This task's name. */
        String task();

        /**
         * The variable as this run sees it (the tool's environment and what setup and earlier tasks
         * set), else the broker's environment (as the original's {@code context.getenv}); null if
         * unset in both or unset by a task.
         */
        String getenv(String name) throws Exception;

        /** The variable as this run sees it, without asking the broker (the original's {@code os.environ.get}). */
        String localenv(String name);

        /** Shared data set by earlier tasks. */
        String get(String key);

        void set(String key, String value);

        /** Sets a variable for later tasks and in the broker's environment; a null VALUE unsets it. */
        void setenv(String name, String value) throws Exception;

        /** Appends module arguments (split on spaces) for a module loaded later. */
        default void setopt(String module, String options) {
            setopt(module, options, false);
        }

        /**
         * Module arguments (split on spaces) for a module loaded later; OVERWRITE also drops its
         * configured {@code args} (the original's {@code setopt(..., overwrite=True)}).
         */
        void setopt(String module, String options, boolean overwrite);

        /** The arguments MODULE would be loaded with now (the original's {@code getopts}). */
        List<String> getopts(String module);

        /** A broker config value by dotted key (a boolean {@code true} is {@code "true"}); empty if unset. */
        Optional<String> confGet(String key);

        /** A broker config table by dotted key as plain Java values; empty if unset. */
        Map<String, Object> confTable(String key);

        Map<String, Object> rpc(String topic, Map<String, Object> payload) throws Exception;

        /** A broker attribute, empty when it is not set. */
        Optional<String> attr(String name);

        /**
         * Runs a program with ARGV (no shell) in the task's environment, its output going to the
         * tool's; returns its exit status. It is killed with its children when the task is stopped.
         */
        int exec(List<String> argv) throws Exception;

        /** Prints to the tool's stdout. */
        void print(String line);

        /** Prints to the tool's stderr. */
        void printErr(String line);

        /** Prints to the tool's stderr only with {@code -v} (the original's {@code context.print}). */
        void verbose(String line);
    }
}
