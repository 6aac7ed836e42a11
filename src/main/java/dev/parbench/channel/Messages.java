package dev.parbench.channel;

import java.nio.ByteBuffer;

/**
 * What travels and how it is checked. A data message of {@code n} bytes carries its sequence number as a long in
 * its last 8 bytes and at every multiple of {@link #STAMP_STRIDE} before them (offset 0 included) (messages shorter than 8 bytes carry
 * {@code (byte) (seq + i)} in byte i); the receiver checks the length and every stamp, so a lost, duplicated,
 * reordered, truncated or partly overwritten message fails, at a cost of one long per 4 KiB. Control messages
 * carry one or two longs.
 */
public final class Messages {
    /** A data message (a ping, an echo, a streamed message, a queue item). */
    public static final int DATA = 1;
    /** Peer to sender: the number of data messages received and checked so far (a long). */
    public static final int ACK = 2;
    /** Sender to peer: no more data; the number of data messages sent (a long). The peer answers FIN and stops. */
    public static final int END = 3;
    /** Peer to sender, the answer to END: data messages received and checked (a long). */
    public static final int FIN = 4;
    /** Peer to sender: the peer failed; the payload is the reason (UTF-8). */
    public static final int ERROR = 5;
    /** Peer to sender, once, when its end is open (a long: the peer's pid). */
    public static final int HELLO = 6;

    /** Distance between sequence stamps in a data message. */
    public static final int STAMP_STRIDE = 4096;

    private Messages() {
    }

    /** A direct buffer of {@code n} bytes filled with a pattern (so pages are really there). */
    public static ByteBuffer payload(int n) {
        ByteBuffer b = ByteBuffer.allocateDirect(Math.max(n, 8));
        for (int i = 0; i < n; i++) {
            b.put(i, (byte) (i * 31 + 7));
        }
        b.limit(n);
        return b;
    }

    /** Writes {@code seq} into a data message's stamps (absolute, positions 0 to {@code b.limit()}). */
    public static void stamp(ByteBuffer b, long seq) {
        int n = b.limit();
        if (n < 8) {
            for (int i = 0; i < n; i++) {
                b.put(i, (byte) (seq + i));
            }
            return;
        }
        for (int off = 0; off <= n - 16; off += STAMP_STRIDE) { // never overlapping the last stamp
            b.putLong(off, seq);
        }
        b.putLong(n - 8, seq);
    }

    /**
     * Checks a received data message (positions 0 to {@code b.limit()}): its length is {@code length} and every
     * stamp is {@code seq}; else throws a ChannelException saying what arrived.
     */
    public static void check(ByteBuffer b, int length, long seq, String where) throws ChannelException {
        int n = b.limit();
        if (n != length) {
            throw new ChannelException(where + ": message " + seq + " has " + n + " bytes, expected " + length);
        }
        if (n < 8) {
            for (int i = 0; i < n; i++) {
                if (b.get(i) != (byte) (seq + i)) {
                    throw new ChannelException(where + ": message " + seq + " byte " + i + " is " + b.get(i)
                            + ", expected " + (byte) (seq + i) + " (lost, duplicated or reordered message)");
                }
            }
            return;
        }
        for (int off = 0; off <= n - 16; off += STAMP_STRIDE) {
            checkStamp(b, off, seq, where);
        }
        checkStamp(b, n - 8, seq, where);
    }

    private static void checkStamp(ByteBuffer b, int off, long seq, String where) throws ChannelException {
        long got = b.getLong(off);
        if (got != seq) {
            throw new ChannelException(where + ": message " + seq + " carries sequence number " + got + " at offset "
                    + off + " (lost, duplicated, reordered or torn message)");
        }
    }

    /** A control message's payload: one long, in {@code b} (cleared). */
    static ByteBuffer longMessage(ByteBuffer b, long value) {
        b.clear();
        b.putLong(0, value);
        b.limit(8);
        return b;
    }

    /** The long of a control message. */
    static long longOf(ByteBuffer b, String where) throws ChannelException {
        if (b.limit() != 8) {
            throw new ChannelException(where + ": control message of " + b.limit() + " bytes, expected 8");
        }
        return b.getLong(0);
    }

    static String text(ByteBuffer b) {
        byte[] bytes = new byte[b.limit()];
        b.get(0, bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    static String typeName(int type) {
        return switch (type) {
            case DATA -> "DATA";
            case ACK -> "ACK";
            case END -> "END";
            case FIN -> "FIN";
            case ERROR -> "ERROR";
            case HELLO -> "HELLO";
            default -> "type " + type;
        };
    }
}
