package dev.parbench.coordination;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A fixed crew of {@code size} worker threads of one {@link ThreadKind}, started once (per JMH trial) and given
 * <em>rounds</em> of work: in a round every worker {@code i} runs {@code task.run(i)} once. The workers receive the
 * round, wait for one start signal so they begin together, run, and count down a finish latch the driver waits on
 * with a bounded wait. A failing worker, or one that does not finish in time, makes {@link Round#await} throw.
 *
 * <p>This is the harness, not a pattern under test: its cost per round (one hand-over per worker and two latches)
 * is paid once per batch of many operations.
 *
 * <p>Memory consistency: everything the driver did before {@link #start} happens-before the workers run the task
 * ({@code CountDownLatch.countDown} happens-before a successful {@code await}), and everything a worker did in the
 * task happens-before {@link Round#await} returns (same rule, the other way), so the driver may read results the
 * workers wrote into plain fields or arrays after {@code await}.
 *
 * <p>{@link #close()} interrupts every worker and joins it with a deadline: when it returns normally, no thread of
 * the crew is alive.
 */
public final class Crew implements AutoCloseable {
    /** Time a worker waits for the start signal of a round it has received (the driver releases it at once). */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    /** What worker {@code index} (0-based) does in one round. */
    @FunctionalInterface
    public interface Task {
        void run(int index) throws Exception;
    }

    private final String name;
    private final List<Thread> threads = new ArrayList<>();
    private final List<BlockingQueue<Round>> inboxes = new ArrayList<>();
    private volatile boolean closed;
    private Round current;

    public Crew(ThreadKind kind, int size, String name) {
        if (size < 1) {
            throw new IllegalArgumentException("a crew needs at least 1 worker, got " + size);
        }
        this.name = name;
        for (int i = 0; i < size; i++) {
            BlockingQueue<Round> inbox = new ArrayBlockingQueue<>(1);
            int index = i;
            inboxes.add(inbox);
            threads.add(kind.builder(name + "-" + i).unstarted(() -> work(index, inbox)));
        }
        threads.forEach(Thread::start);
    }

    public int size() {
        return threads.size();
    }

    /** The crew's threads (for tests and for patterns that look at a worker's state). */
    public List<Thread> threads() {
        return List.copyOf(threads);
    }

    /** Hands {@code task} to every worker and releases them together; wait for the round with {@link Round#await}. */
    public Round start(Task task) {
        if (closed) {
            throw new IllegalStateException(name + " is closed");
        }
        if (current != null && !current.finished()) {
            throw new IllegalStateException(name + ": the previous round has not finished");
        }
        Round round = new Round(task, threads.size(), name);
        for (BlockingQueue<Round> inbox : inboxes) {
            if (!inbox.offer(round)) {
                throw new IllegalStateException(name + ": a worker has not taken its previous round");
            }
        }
        current = round;
        round.go.countDown();
        return round;
    }

    /** One round, waited for: {@code start(task).await(timeout)}. */
    public void run(Task task, Duration timeout) {
        start(task).await(timeout);
    }

    private void work(int index, BlockingQueue<Round> inbox) {
        while (!closed) {
            Round round;
            try {
                round = inbox.take();
            } catch (InterruptedException e) {
                continue; // closed is re-checked; a stray interrupt is dropped
            }
            round.runOn(index);
            if (!closed) {
                // a cancelled task (Future.cancel(true)) may leave its interrupt behind; close() sets closed first
                Thread.interrupted();
            }
        }
    }

    /** Interrupts the workers and joins them; throws IllegalStateException if one is still alive after 10 s. */
    @Override
    public void close() {
        closed = true;
        threads.forEach(Thread::interrupt);
        Deadline deadline = Deadline.after(CLOSE_TIMEOUT);
        List<String> alive = new ArrayList<>();
        boolean interrupted = false;
        for (Thread t : threads) {
            while (t.isAlive() && !deadline.passed()) {
                try {
                    t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline.remainingNanos())));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (t.isAlive()) {
                alive.add(t.getName());
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (!alive.isEmpty()) {
            throw new IllegalStateException(name + ": workers still running " + CLOSE_TIMEOUT.toSeconds()
                    + " s after close: " + alive);
        }
    }

    /** One round of work handed to the whole crew. */
    public static final class Round {
        private final Task task;
        private final int size;
        private final String crew;
        private final CountDownLatch go = new CountDownLatch(1);
        private final CountDownLatch done;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        private Round(Task task, int size, String crew) {
            this.task = task;
            this.size = size;
            this.crew = crew;
            this.done = new CountDownLatch(size);
        }

        private void runOn(int index) {
            try {
                if (!go.await(START_TIMEOUT.toNanos(), TimeUnit.NANOSECONDS)) {
                    throw new IllegalStateException("no start signal within " + START_TIMEOUT.toSeconds() + " s");
                }
                task.run(index);
            } catch (Throwable t) {
                failure.compareAndSet(null, new IllegalStateException(crew + " worker " + index + ": " + t, t));
            } finally {
                done.countDown();
            }
        }

        /** True once every worker has finished its task (normally or not). */
        public boolean finished() {
            return done.getCount() == 0;
        }

        /**
         * Waits until every worker finished; throws IllegalStateException if that takes longer than {@code timeout}
         * or if a worker's task threw (the first failure is the cause).
         */
        public void await(Duration timeout) {
            boolean ok;
            try {
                ok = done.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(crew + ": interrupted while waiting for the round", e);
            }
            if (!ok) {
                throw new IllegalStateException(crew + ": " + done.getCount() + " of " + size
                        + " workers did not finish within " + timeout.toMillis() + " ms");
            }
            Throwable f = failure.get();
            if (f != null) {
                throw new IllegalStateException(f.getMessage(), f);
            }
        }
    }
}
