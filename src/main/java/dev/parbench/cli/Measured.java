package dev.parbench.cli;

import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.results.RunResult;

/**
 * A configuration's forks measured in this session, in the order they ran: one JMH result holding all of them (JMH
 * computes the score over every fork), and each fork's round and start time (ms since the epoch), which results.json
 * records beside JMH's own fields as {@code rounds} and {@code forkStarted}.
 */
record Measured(RunResult result, List<Integer> rounds, List<Long> started) {

    Measured {
        rounds = List.copyOf(rounds);
        started = List.copyOf(started);
    }

    /** The first fork. */
    static Measured of(RunResult fork, int round, long startedMillis) {
        return new Measured(fork, List.of(round), List.of(startedMillis));
    }

    /** These forks and {@code more} (the forks of one more JMH invocation, all in {@code round}). */
    Measured plus(RunResult more, int round, long startedMillis) {
        List<Integer> r = new ArrayList<>(rounds);
        List<Long> s = new ArrayList<>(started);
        for (int i = 0; i < more.getBenchmarkResults().size(); i++) {
            r.add(round);
            s.add(startedMillis);
        }
        return new Measured(AdaptiveForks.merge(result, more), r, s);
    }
}
