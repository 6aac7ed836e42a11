package dev.parbench.remote;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The connections a listening worker has accepted that have not authenticated yet. They hold none of the
 * {@code --max-connections} slots (a connection takes one only once it has proved the token), and there are few of
 * them: at most {@link #PER_ADDRESS} from one remote address and {@link #TOTAL} in all, each for at most the
 * handshake deadline. A new connection over either cap makes room by closing the oldest pending one (of its address,
 * or of all): a peer that reconnects in a loop without authenticating cannot lock the door for the deadline, it can
 * only cut short a handshake during which {@link #PER_ADDRESS} newer connections arrive (a master retries one).
 */
final class PendingHandshakes {
    /** Pending handshakes from one remote address. */
    static final int PER_ADDRESS = 8;
    /** Pending handshakes in all. */
    static final int TOTAL = 32;

    /** One pending connection; {@link #done} it when its handshake is over, whatever the outcome. */
    static final class Entry {
        private final SocketChannel channel;
        private final InetAddress from;

        private Entry(SocketChannel channel, InetAddress from) {
            this.channel = channel;
            this.from = from;
        }
    }

    /** Oldest first. */
    private final Deque<Entry> queue = new ArrayDeque<>();
    private final Map<InetAddress, Integer> perAddress = new HashMap<>();
    private long evicted;

    /** Takes {@code c} in; closes the oldest pending connection first if a cap would be exceeded. */
    Entry admit(SocketChannel c) {
        InetAddress from = remoteAddress(c);
        Entry oldest;
        Entry e = new Entry(c, from);
        synchronized (this) {
            if (perAddress.getOrDefault(from, 0) >= PER_ADDRESS) {
                oldest = removeFirst(p -> java.util.Objects.equals(p.from, from));
            } else if (queue.size() >= TOTAL) {
                oldest = removeFirst(p -> true);
            } else {
                oldest = null;
            }
            queue.addLast(e);
            perAddress.merge(from, 1, Integer::sum);
        }
        if (oldest != null) {
            try {
                oldest.channel.close(); // its handshake thread's read fails, and that thread ends
            } catch (IOException ignored) {
                // closed anyway
            }
        }
        return e;
    }

    /** The handshake of {@code e} is over (proved, failed or cut short). Idempotent. */
    synchronized void done(Entry e) {
        if (queue.remove(e)) {
            forget(e);
        }
    }

    /** Pending handshakes now. */
    synchronized int size() {
        return queue.size();
    }

    /** Pending handshakes closed so far to make room for newer ones. */
    synchronized long evicted() {
        return evicted;
    }

    private Entry removeFirst(Predicate<Entry> which) {
        for (Iterator<Entry> it = queue.iterator(); it.hasNext(); ) {
            Entry p = it.next();
            if (which.test(p)) {
                it.remove();
                forget(p);
                evicted++;
                return p;
            }
        }
        return null;
    }

    private void forget(Entry e) {
        perAddress.computeIfPresent(e.from, (k, n) -> n == 1 ? null : n - 1);
    }

    private static InetAddress remoteAddress(SocketChannel c) {
        try {
            return c.getRemoteAddress() instanceof InetSocketAddress a ? a.getAddress() : null;
        } catch (IOException e) {
            return null; // already closed: counted under "unknown"
        }
    }
}
