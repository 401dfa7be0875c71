package io.taskstream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Keeps the business modules honest: no module reaches into another's internals, no cycles. */
class ModularityTest {

    @Test
    void modulesOnlyUseEachOthersPublicSurface() {
        ApplicationModules.of(TaskstreamApplication.class).verify();
    }
}
