package org.fluxmp.boot.exec;

import java.util.List;

/** A Java task body that runs a program whose arguments a shell would expand. */
public final class ExecJavaTask implements JavaTask {
    @Override
    public void run(Context context) throws Exception {
        int rc = context.exec(List.of("printf", "%s|%s\n", "$(echo hi) *", context.attr("color").orElse("none")));
        if (rc != 0) {
            throw new Exception("printf failed");
        }
    }
}
