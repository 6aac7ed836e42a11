package dev.parbench.cli;

import dev.parbench.family.Families;
import dev.parbench.family.Family;
import dev.parbench.strategy.StrategyKind;
import dev.parbench.workload.Kernel;
import dev.parbench.workload.WorkloadKind;
import java.util.Arrays;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * The ids the options accept, for picocli's {@code ${COMPLETION-CANDIDATES}} in the help: taken from the enums and
 * the family list, so the help never lists a stale set.
 */
final class Ids {
    private Ids() {
    }

    static final class Workloads implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(WorkloadKind.values()).map(WorkloadKind::id).iterator();
        }
    }

    static final class Models implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(StrategyKind.values()).map(StrategyKind::id).iterator();
        }
    }

    static final class Kernels implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Kernel.values()).map(Kernel::id).iterator();
        }
    }

    static final class Patterns implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Stream.concat(Families.patterns().stream().map(Family::id), Stream.of("all")).iterator();
        }
    }
}
