package org.fluxmp.rules;

import java.util.List;
import org.fluxmp.boot.files.RcSource;

/** What a {@link RunRequest} asks about: the module configuration alone, a run of task files, or a load or remove of modules. */
public sealed interface Subject permits Subject.Config, Subject.Tasks, Subject.Load, Subject.Remove {
    /** What the run is called in reports and explanations: rc1, rc3, run FILE, load, remove, config. */
    default String name() {
        // no pattern matching here: the rules' build compiles this module with a compiler that lacks it
        if (this instanceof Tasks) {
            RcSource source = ((Tasks) this).source();
            return source.rcStage() ? source.argument() : "run " + source.argument();
        }
        return this instanceof Load ? "load" : this instanceof Remove ? "remove" : "config";
    }

    /** The module configuration alone, with nothing asked to run ({@code show}, {@code list-dependencies}, {@code plot}). */
    record Config() implements Subject {}

    /** rc1, rc3, {@code run NAME} or {@code run FILE}: the tasks of what SOURCE names (SPEC 4.5, 4.8). */
    record Tasks(RcSource source) implements Subject {}

    /** {@code load M...}: the modules and what they require that is not loaded yet (SPEC 4.9). */
    record Load(List<String> modules) implements Subject {
        public Load {
            modules = List.copyOf(modules);
        }
    }

    /** {@code remove M...}: the modules and the requirements no loaded module still needs (SPEC 4.10). */
    record Remove(List<String> modules) implements Subject {
        public Remove {
            modules = List.copyOf(modules);
        }
    }
}
