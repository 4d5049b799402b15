package org.fluxmp.rules;

import java.util.List;

/** One rc file as read: its setup blocks in application order and the names of the tasks it defined. */
public record RcFile(String path, List<SetupBlock> setup, List<String> tasks) {}
