package dev.parbench.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parbench.strategy.StrategyKind;
import dev.parbench.workload.Kernel;
import dev.parbench.workload.VectorAdd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code shared-memory} model's files: one per array, owner-only, in {@link SharedFiles#directory()} while a
 * trial runs; none left after it ends, whether it ended normally or after a worker was killed. (Its answers are
 * checked by TransportContractTest with every other out-of-process model, its worker faults by WorkerFaultTest.)
 */
class SharedMemoryTest {
    private final VectorAdd add = new VectorAdd(Kernel.SIMD);
    private final VectorAdd.Input in = add.prepare(100_003, 5);

    @AfterEach
    void noFileLeft() throws Exception {
        assertEquals(List.of(), SharedFiles.owned(), "shared-memory files left behind");
    }

    @Test
    void filesAreOwnerOnlyWhileTheTrialRunsAndGoneAfterIt() throws Exception {
        try (SharedMemoryStrategy s = new SharedMemoryStrategy(2)) {
            assertEquals(StrategyKind.SHARED_MEMORY, s.kind());
            check(s);
            List<Path> files = SharedFiles.owned();
            assertEquals(3, files.size(), "a, b and c each in a file of their own: " + files);
            for (Path f : files) {
                assertEquals(SharedFiles.directory(), f.getParent());
                if (f.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), f
                            .toString());
                }
                assertEquals(8L * in.a().length, Files.size(f), f.toString());
            }
            check(s);
            assertEquals(files, SharedFiles.owned(), "a second operation on the same input reuses the files");
        }
    }

    @Test
    void aKilledWorkerLeavesNoFileBehind() throws Exception {
        try (SharedMemoryStrategy s = new SharedMemoryStrategy(2)) {
            check(s);
            List<Path> before = SharedFiles.owned();
            ProcessHandle victim = ProcessHandle.current().children()
                    .filter(h -> h.info().commandLine().orElse("").contains("worker")).findFirst().orElseThrow();
            victim.destroyForcibly();
            victim.onExit().get(10, TimeUnit.SECONDS);
            Thread.sleep(200);
            try {
                check(s);
            } catch (IllegalStateException raced) {
                assertTrue(raced.getMessage().contains(String.valueOf(victim.pid())), raced.getMessage());
                check(s);
            }
            List<Path> after = SharedFiles.owned();
            assertEquals(3, after.size(), "the replaced pool maps a fresh set of files: " + after);
            assertTrue(before.stream().noneMatch(after::contains), "the old files are deleted: " + before);
            // and a worker killed just before the trial ends
            ProcessHandle.current().children().filter(h -> h.info().commandLine().orElse("").contains("worker"))
                    .findFirst().orElseThrow().destroyForcibly();
        }
    }

    @Test
    void workersOpenOnlyFilesNamedAsTheMasterNamesThem() {
        for (String bad : List.of("../../etc/passwd", "/etc/passwd", "parbench-shm-1-0123456789abcdef-in0/../x",
                "parbench-shm-x-0123456789abcdef-in0", "other")) {
            assertThrows(IllegalArgumentException.class, () -> SharedFiles.resolve(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> SharedFiles.resolve("parbench-shm-12-0123456789abcdef-in0"),
                "a bare pid is no owner id");
        assertEquals(SharedFiles.directory().resolve("parbench-shm-00000000000000ab-0123456789abcdef-in0"),
                SharedFiles.resolve("parbench-shm-00000000000000ab-0123456789abcdef-in0"));
    }

    private void check(SharedMemoryStrategy s) {
        Arrays.fill(in.c(), Double.NaN);
        assertEquals(add.oracle(in), s.execute(add, in));
        for (int i = 0; i < in.c().length; i++) {
            if (in.c()[i] != in.a()[i] + in.b()[i]) {
                throw new AssertionError("c[" + i + "] = " + in.c()[i]);
            }
        }
    }
}
