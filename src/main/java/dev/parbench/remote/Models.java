package dev.parbench.remote;

import dev.parbench.strategy.Strategy;
import dev.parbench.strategy.StrategyKind;

/**
 * Builds any model by kind: the in-JVM ones through {@link StrategyKind#create}, the out-of-process ones here, the
 * distributed-engine ones from package {@code engine} (one line each).
 */
public final class Models {
    private Models() {
    }

    public static Strategy create(StrategyKind kind, int parallelism) {
        Strategy.checkParallelism(parallelism);
        return switch (kind) {
            case PROCESS_PER_TASK -> new ProcessPerTaskStrategy(parallelism);
            case PROCESS_POOL -> new ProcessPoolStrategy(parallelism, false);
            case PROCESS_POOL_RESIDENT -> new ProcessPoolStrategy(parallelism, true);
            case SHARED_MEMORY -> new SharedMemoryStrategy(parallelism);
            case SOCKET -> new SocketStrategy(parallelism, false);
            case SOCKET_RESIDENT -> new SocketStrategy(parallelism, true);
            case HAZELCAST -> new dev.parbench.engine.HazelcastStrategy(parallelism);
            case HAZELCAST_RESIDENT -> new dev.parbench.engine.HazelcastResidentStrategy(parallelism);
            default -> kind.create(parallelism);
        };
    }
}
