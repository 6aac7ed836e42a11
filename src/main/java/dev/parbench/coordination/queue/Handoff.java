package dev.parbench.coordination.queue;

import dev.parbench.coordination.Crew;
import dev.parbench.coordination.ThreadKind;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Producers and consumers racing over one fresh {@link Channel} per run: {@code items} items in total (ids 0 to
 * items - 1, split evenly over the producers), each stamped with {@code System.nanoTime()} when offered. The last
 * producer to finish offers one end marker per consumer, after every item (the markers follow the items in FIFO
 * order, and on the synchronous queue they are handed over after every item was). Each consumer records the ids it
 * took in its own BitSet, their sum and the time each spent between offer and take.
 *
 * <p>The answer, checked after every run: every id consumed exactly once (no consumer saw an id twice, the union of
 * the sets has all ids, the counts add up to {@code items}) and the checksum of ids is items*(items-1)/2.
 *
 * <p>One crew of producers + consumers of one {@link ThreadKind}, started once; worker i &lt; producers produces.
 *
 * <p>Memory consistency of the harness: the workers' results (plain arrays and fields) are read only after
 * {@code Crew.Round.await} returned, and the crew's finish latch orders every worker's writes before that.
 */
public final class Handoff implements AutoCloseable {
    /** Capacity of the bounded channels. */
    public static final int CAPACITY = 64;

    /** One item: an id and the {@code System.nanoTime()} at which it was offered. */
    public record Item(int id, long offeredAt) {
    }

    private static final Item END = new Item(-1, 0);

    /** What one run did: items handed over and the sum of their offer-to-take times, in nanoseconds. */
    public record Result(long items, long handoffNanos) {
    }

    private final ChannelKind kind;
    private final int producers;
    private final int consumers;
    private final int items;
    private final Crew crew;

    public Handoff(ChannelKind kind, ThreadKind threads, int producers, int consumers, int items) {
        if (producers < 1 || consumers < 1 || items < producers) {
            throw new IllegalArgumentException("need at least 1 producer, 1 consumer and 1 item per producer");
        }
        this.kind = kind;
        this.producers = producers;
        this.consumers = consumers;
        this.items = items;
        this.crew = new Crew(threads, producers + consumers, "parbench-queue-" + kind.id());
    }

    public Result run(Duration timeout) {
        Channel<Item> channel = kind.create(CAPACITY);
        long wait = timeout.toNanos();
        AtomicInteger producing = new AtomicInteger(producers);
        BitSet[] seen = new BitSet[consumers];
        long[] taken = new long[consumers];
        long[] idSum = new long[consumers];
        long[] latency = new long[consumers];
        crew.run(w -> {
            if (w < producers) {
                int from = (int) ((long) items * w / producers);
                int to = (int) ((long) items * (w + 1) / producers);
                for (int id = from; id < to; id++) {
                    put(channel, new Item(id, System.nanoTime()), wait);
                }
                if (producing.decrementAndGet() == 0) {
                    for (int c = 0; c < consumers; c++) {
                        put(channel, END, wait);
                    }
                }
            } else {
                int c = w - producers;
                BitSet mine = new BitSet(items);
                seen[c] = mine;
                while (true) {
                    Item item = channel.poll(wait);
                    long now = System.nanoTime();
                    if (item == null) {
                        throw new IllegalStateException(kind + ": consumer " + c + " got nothing within "
                                + timeout.toMillis() + " ms");
                    }
                    if (item == END) {
                        break;
                    }
                    if (mine.get(item.id())) {
                        throw new IllegalStateException(kind + ": item " + item.id() + " consumed twice");
                    }
                    mine.set(item.id());
                    taken[c]++;
                    idSum[c] += item.id();
                    latency[c] += now - item.offeredAt();
                }
            }
        }, timeout.plus(timeout));
        BitSet all = new BitSet(items);
        long count = 0;
        long sum = 0;
        long nanos = 0;
        for (int c = 0; c < consumers; c++) {
            all.or(seen[c]);
            count += taken[c];
            sum += idSum[c];
            nanos += latency[c];
        }
        long expectedSum = (long) items * (items - 1) / 2;
        if (count != items || all.cardinality() != items || sum != expectedSum) {
            throw new IllegalStateException(kind + ": " + count + " takes of " + all.cardinality()
                    + " distinct ids (checksum " + sum + ") for " + items + " items (checksum " + expectedSum + ")");
        }
        return new Result(items, nanos);
    }

    private void put(Channel<Item> channel, Item item, long wait) throws InterruptedException {
        if (!channel.offer(item, wait)) {
            throw new IllegalStateException(kind + ": no room for an item within " + wait / 1_000_000 + " ms");
        }
    }

    public List<Thread> threads() {
        return crew.threads();
    }

    @Override
    public void close() {
        crew.close();
    }
}
