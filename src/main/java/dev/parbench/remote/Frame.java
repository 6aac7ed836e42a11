package dev.parbench.remote;

import java.util.Arrays;

/** The frames of the wire protocol. Arrays are owned by the frame (not copied). */
public sealed interface Frame {

    /** Wire type codes; never reuse a number. */
    enum Type {
        CHALLENGE(1), AUTH(2), READY(3), RUN(4), STORE(5), RUN_STORED(6), RESULT(7), ERROR(8), BYE(9), PING(10), PONG(11),
        TRACE(12), MAP_STORE(13), COUNT(14);

        final int code;

        Type(int code) {
            this.code = code;
        }

        static Type of(int code) {
            for (Type t : values()) {
                if (t.code == code) {
                    return t;
                }
            }
            return null;
        }
    }

    Type type();

    /** Server -> client, first frame when a token is required: a fresh random nonce to sign. */
    record Challenge(byte[] nonce) implements Frame {
        public Type type() {
            return Type.CHALLENGE;
        }
    }

    /** Client -> server: HMAC-SHA256(token, nonce). */
    record Auth(byte[] mac) implements Frame {
        public Type type() {
            return Type.AUTH;
        }
    }

    /** Server -> client, first frame (no token needed) or after a good AUTH: work frames are accepted now. */
    record Ready() implements Frame {
        public Type type() {
            return Type.READY;
        }
    }

    /** Compute blocks {@code [task.fromBlock, task.toBlock)}; the input slice travels along in {@code data}. */
    record Run(long requestId, RemoteTask task, Data data) implements Frame {
        public Type type() {
            return Type.RUN;
        }
    }

    /** Keep this input slice as dataset {@code datasetId} for later {@link RunStored} (replaces older datasets). */
    record Store(long requestId, long datasetId, RemoteTask task, Data data) implements Frame {
        public Type type() {
            return Type.STORE;
        }
    }

    /**
     * Map this task's input from shared-memory files and keep the mapping as dataset {@code datasetId} for later
     * {@link RunStored} (replaces older datasets): {@code files} are file names (no directory) in
     * {@link SharedFiles#directory()}, one per input array of the workload's wire form, then one per output array, in
     * its order; each holds the whole input's array, of which the task maps its own element range. Only a worker
     * serving its own master over stdin/stdout accepts it.
     */
    record MapStore(long requestId, long datasetId, RemoteTask task, java.util.List<String> files) implements Frame {
        public MapStore {
            files = java.util.List.copyOf(files);
        }

        public Type type() {
            return Type.MAP_STORE;
        }
    }

    /**
     * Add {@code increments} to the long counter at offset 0 of shared-memory file {@code file} (a name in
     * {@link SharedFiles#directory()}), atomically or racily, after all {@code workers} workers have arrived at the
     * file's start line; the RESULT's partial is the number of increments made. Only a worker serving its own master
     * over stdin/stdout accepts it.
     */
    record Count(long requestId, String file, long increments, int workers, boolean atomic) implements Frame {
        public Type type() {
            return Type.COUNT;
        }
    }

    /** Compute the stored dataset's block range. */
    record RunStored(long requestId, long datasetId) implements Frame {
        public Type type() {
            return Type.RUN_STORED;
        }
    }

    /** The partial result of a request, and any output slice (vector-add's {@code c}). */
    record Result(long requestId, long partial, Data data) implements Frame {
        public Type type() {
            return Type.RESULT;
        }
    }

    /** Something failed; the connection stays usable unless the error is about the wire itself. */
    record Error(long requestId, String message) implements Frame {
        public Type type() {
            return Type.ERROR;
        }
    }

    /**
     * Client -> server, after authentication only: a clock ping ({@code t0}: the master's {@code nanoTime} as it
     * wrote the frame). It also asks the worker to trace every later request of this connection ({@link Trace}).
     */
    record Ping(long t0) implements Frame {
        public Type type() {
            return Type.PING;
        }
    }

    /**
     * Server -> client: the answer to a {@link Ping}: its {@code t0}, the worker's clock when the ping arrived
     * ({@code t1}) and as it wrote this answer ({@code t2}).
     */
    record Pong(long t0, long t1, long t2) implements Frame {
        public Type type() {
            return Type.PONG;
        }
    }

    /**
     * Server -> client, just before the RESULT of a request on a traced connection: the worker's clock when the
     * request's first bytes arrived, when it was decoded and when its partial result was computed.
     */
    record Trace(long requestId, long received, long decoded, long computed) implements Frame {
        public Type type() {
            return Type.TRACE;
        }
    }

    /** Orderly goodbye: the peer closes after it. */
    record Bye() implements Frame {
        public Type type() {
            return Type.BYE;
        }
    }

    /**
     * Bulk arrays in order, each a slice of a long[] or double[] (so the sender need not copy its input). Decoded
     * slices always start at offset 0 and span their whole array.
     */
    record Data(java.util.List<Slice> slices) {
        public static final Data NONE = new Data(java.util.List.of());

        public Data {
            slices = java.util.List.copyOf(slices);
        }

        public static Data of(Slice... s) {
            return new Data(java.util.List.of(s));
        }

        /** The workload's neutral slices as frame slices (not copied). */
        public static Data of(java.util.List<dev.parbench.workload.ArraySlice> slices) {
            return new Data(slices.stream().map(s -> s.array() instanceof long[] l
                    ? (Slice) new Slice.Longs(l, s.offset(), s.length())
                    : new Slice.Doubles((double[]) s.array(), s.offset(), s.length())).toList());
        }

        /** The decoded arrays (long[] or double[]), each whole; a slice that is not a whole array is copied. */
        public java.util.List<Object> arrays() {
            return slices.stream().map(s -> switch (s) {
                case Slice.Longs l -> l.offset() == 0 && l.length() == l.array().length ? (Object) l.array()
                        : Arrays.copyOfRange(l.array(), l.offset(), l.offset() + l.length());
                case Slice.Doubles d -> d.offset() == 0 && d.length() == d.array().length ? (Object) d.array()
                        : Arrays.copyOfRange(d.array(), d.offset(), d.offset() + d.length());
            }).toList();
        }

        long bytes() {
            long n = 0;
            for (Slice s : slices) {
                n += 5 + 8L * s.length();
            }
            return n;
        }

        public long[] longs(int i) {
            if (i < slices.size() && slices.get(i) instanceof Slice.Longs l && l.offset() == 0
                    && l.length() == l.array().length) {
                return l.array();
            }
            throw new IllegalArgumentException("slice " + i + " is not a whole long[]");
        }

        public double[] doubles(int i) {
            if (i < slices.size() && slices.get(i) instanceof Slice.Doubles d && d.offset() == 0
                    && d.length() == d.array().length) {
                return d.array();
            }
            throw new IllegalArgumentException("slice " + i + " is not a whole double[]");
        }
    }

    /** A slice of an array: {@code array[offset, offset + length)}. */
    sealed interface Slice {
        int length();

        record Longs(long[] array, int offset, int length) implements Slice {
            public static Longs of(long[] a) {
                return new Longs(a, 0, a.length);
            }

            @Override
            public boolean equals(Object o) {
                return o instanceof Longs l && Arrays.equals(array, offset, offset + length, l.array, l.offset,
                        l.offset + l.length);
            }

            @Override
            public int hashCode() {
                return length;
            }
        }

        record Doubles(double[] array, int offset, int length) implements Slice {
            public static Doubles of(double[] a) {
                return new Doubles(a, 0, a.length);
            }

            @Override
            public boolean equals(Object o) {
                return o instanceof Doubles d && Arrays.equals(array, offset, offset + length, d.array, d.offset,
                        d.offset + d.length);
            }

            @Override
            public int hashCode() {
                return length;
            }
        }
    }
}
