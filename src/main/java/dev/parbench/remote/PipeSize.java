package dev.parbench.remote;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.reflect.Array;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Makes a Linux pipe's buffer larger ({@code fcntl(fd, F_SETPIPE_SZ, bytes)}), so a bulk transfer wakes the other
 * side once per megabyte instead of once per 64 KiB.
 *
 * <p>Why it matters: a reader blocked on an empty pipe sleeps, and on a virtual machine a sleeping core is woken
 * through the hypervisor, which costs tens of microseconds. With the default 64 KiB buffer the writer fills the pipe,
 * sleeps, the reader drains it, sleeps: measured on the 2-core reference VM, {@code dd | dd} moved 0.75 GB/s when the
 * other core was idle and 3.5 GB/s when a busy loop kept it awake; with a 1 MiB pipe the idle case went from 0.6 to
 * 2.4 GB/s. The pipes of the process models and of {@code TransferProbe.pipe} are both sized here, so the models are
 * still read against a probe of the same pipes.
 *
 * <p>How: Java has no call for it, so this uses the Foreign Function and Memory API (final in JDK 22) to call
 * {@code fcntl}, looked up by reflection because parbench compiles for JDK 21, where that API is a preview. On JDK 21,
 * off Linux, or if anything fails, the pipe keeps its default size and {@link #set} says so by returning the size it
 * has (or -1 if unknown). The file descriptor is found by its path in {@code /proc/self/fd} (a FIFO opened by name).
 * {@code -Dparbench.pipeBytes=0} leaves the pipes alone (to measure the default).
 */
public final class PipeSize {
    /** Linux's fcntl commands (include/uapi/linux/fcntl.h: F_LINUX_SPECIFIC_BASE + 7 and + 8). */
    private static final int F_SETPIPE_SZ = 1031;
    private static final int F_GETPIPE_SZ = 1032;
    /** What the pipes are asked for; the kernel rounds up to a power-of-two number of pages. */
    static final int WANTED = Integer.getInteger("parbench.pipeBytes", 1 << 20);

    /** The downcall, made on first use: asking for it is what JDK 24+ warns about without native access. */
    private static final class Native {
        static final MethodHandle FCNTL = fcntl();
    }

    private PipeSize() {
    }

    /**
     * Asks for a pipe buffer of {@code min(WANTED, /proc/sys/fs/pipe-max-size)} bytes on the FIFO at {@code fifo},
     * which this JVM holds open; returns the pipe's size afterwards, or -1 if it cannot be known here.
     */
    static int set(Path fifo) {
        if (!possible() || WANTED <= 0 || Native.FCNTL == null) {
            return -1;
        }
        int fd = descriptorOf(fifo);
        if (fd < 0) {
            return -1;
        }
        try {
            int bytes = Math.min(WANTED, maxBytes());
            if (bytes > 0) {
                int unused = (int) Native.FCNTL.invoke(fd, F_SETPIPE_SZ, bytes); // -1 (EPERM: over the user's quota): kept
            }
            return (int) Native.FCNTL.invoke(fd, F_GETPIPE_SZ, 0);
        } catch (Throwable t) {
            return -1;
        }
    }

    /** What the process models' pipes are in this JVM, for env.json. */
    public static String describe() {
        if (!Pipes.named()) {
            return "the process streams (-Dparbench.pipes=streams, or not Linux)";
        }
        if (!possible()) {
            return "named pipes, the kernel's default buffer (64 KiB): sizing them needs JDK 22 or later";
        }
        return WANTED <= 0 ? "named pipes, the kernel's default buffer (-Dparbench.pipeBytes=0)"
                : "named pipes, buffer asked: " + Math.min(WANTED, maxBytes()) + " bytes (F_SETPIPE_SZ)";
    }

    /** Whether pipe sizes can be set in this JVM (Linux, JDK 22 or later, and fcntl found). */
    static boolean available() {
        return possible() && Native.FCNTL != null;
    }

    /** Linux and JDK 22 or later: where {@link #fcntl} can work (checked without calling into the linker). */
    private static boolean possible() {
        return System.getProperty("os.name", "").equals("Linux") && Runtime.version().feature() >= 22;
    }

    /** The descriptor number under which this process has {@code path} open, or -1. */
    private static int descriptorOf(Path path) {
        Path real;
        try {
            real = path.toRealPath(); // /proc shows the resolved path (a temporary folder may be behind a link)
        } catch (IOException e) {
            return -1;
        }
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path fd : fds) {
                try {
                    if (Files.readSymbolicLink(fd).equals(real)) {
                        return Integer.parseInt(fd.getFileName().toString());
                    }
                } catch (IOException | NumberFormatException ignored) {
                    // closed meanwhile, or not a number
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // no /proc
        }
        return -1;
    }

    /** The largest pipe an unprivileged process may ask for (1 MiB by default). */
    private static int maxBytes() {
        try {
            // readAllLines, not readString: procfs files say they are empty, and readString then reads one byte
            return Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/fs/pipe-max-size")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return 1 << 20;
        }
    }

    /**
     * {@code int fcntl(int fd, int cmd, ...)} as a method handle (int, int, int) -> int, the third argument
     * variadic; null where it cannot be had. Written with reflection only so that it compiles for JDK 21; on JDK 22+
     * it is: {@code Linker.nativeLinker().downcallHandle(Linker.nativeLinker().defaultLookup().find("fcntl").get(),
     * FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT), Linker.Option.firstVariadicArg(2))}.
     */
    private static MethodHandle fcntl() {
        if (!possible()) {
            return null;
        }
        try {
            Class<?> linkerClass = Class.forName("java.lang.foreign.Linker");
            Class<?> optionClass = Class.forName("java.lang.foreign.Linker$Option");
            Class<?> layoutClass = Class.forName("java.lang.foreign.MemoryLayout");
            Class<?> descriptorClass = Class.forName("java.lang.foreign.FunctionDescriptor");
            Class<?> segmentClass = Class.forName("java.lang.foreign.MemorySegment");
            Object linker = linkerClass.getMethod("nativeLinker").invoke(null);
            Object lookup = linkerClass.getMethod("defaultLookup").invoke(linker);
            Optional<?> symbol = (Optional<?>) Class.forName("java.lang.foreign.SymbolLookup")
                    .getMethod("find", String.class).invoke(lookup, "fcntl");
            if (symbol.isEmpty()) {
                return null;
            }
            Object javaInt = Class.forName("java.lang.foreign.ValueLayout").getField("JAVA_INT").get(null);
            Object args = Array.newInstance(layoutClass, 3);
            for (int i = 0; i < 3; i++) {
                Array.set(args, i, javaInt);
            }
            Object descriptor = descriptorClass.getMethod("of", layoutClass, args.getClass()).invoke(null, javaInt,
                    args);
            Object options = Array.newInstance(optionClass, 1);
            Array.set(options, 0, optionClass.getMethod("firstVariadicArg", int.class).invoke(null, 2));
            return (MethodHandle) linkerClass.getMethod("downcallHandle", segmentClass, descriptorClass,
                    options.getClass()).invoke(linker, symbol.get(), descriptor, options);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }
}
