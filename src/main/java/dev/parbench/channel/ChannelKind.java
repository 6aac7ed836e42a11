package dev.parbench.channel;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The channels a message can take between two JVMs (and the in-JVM reference), by the ids users type. */
public enum ChannelKind {
    /** The child's stdin and stdout (named pipes opened as FileChannels on Linux, see remote/Pipes). */
    PIPE("pipe", true),
    /** A Unix domain socket ({@code java.nio} {@code UnixDomainSocketAddress}) in an owner-only directory. */
    UNIX_SOCKET("unix-socket", true),
    /** A loopback TCP connection ({@code TCP_NODELAY}). */
    TCP("tcp", true),
    /** Two Agrona {@code OneToOneRingBuffer}s in one memory-mapped file under /dev/shm, one per direction. */
    SHARED_MEMORY_RING("shared-memory-ring", true),
    /** Two threads of this JVM, handing buffers over through blocking queues (each side copies): the reference. */
    IN_JVM("in-jvm", false);

    private final String id;
    private final boolean twoProcesses;

    ChannelKind(String id, boolean twoProcesses) {
        this.id = id;
        this.twoProcesses = twoProcesses;
    }

    public String id() {
        return id;
    }

    /** False for the in-JVM reference, whose peer is a thread. */
    public boolean twoProcesses() {
        return twoProcesses;
    }

    public static ChannelKind fromId(String id) {
        for (ChannelKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown channel '" + id + "'; known: " + ids());
    }

    public static String ids() {
        return Arrays.stream(values()).map(ChannelKind::id).collect(Collectors.joining(", "));
    }
}
