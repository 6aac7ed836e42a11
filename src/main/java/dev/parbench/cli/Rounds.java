package dev.parbench.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The order of a run: rounds, each one fork of every configuration that still needs one, in a fresh random order.
 * Round r holds the configurations planned with at least r forks; a configuration's forks are thus spread over the
 * run, each next to a fork of its sequential baseline and of the bandwidth probe, so a slow minute of the machine
 * lands on a model and its baseline alike (their ratio is paired by round) rather than on one model's whole figure.
 * The order of round r is a function of the seed and r alone: {@code --seed} replays a run's order, and a resumed run
 * keeps the order of the rounds it finishes.
 */
final class Rounds {
    /** One fork of one configuration, in its round. {@code config} asks for one fork. */
    record Step(Configuration config, int round, int rounds) {
        /** The configuration as planned (its key, its planned forks), for the store. */
        String key() {
            return config.key();
        }

        String label() {
            return "round " + round + "/" + rounds + ": " + config.label();
        }
    }

    private Rounds() {
    }

    /** The number of rounds of a plan: its largest fork count. */
    static int count(List<Configuration> plan) {
        return plan.stream().mapToInt(Configuration::forks).max().orElse(0);
    }

    /**
     * The steps still to run: for each round r (1 ... the largest fork count), every configuration planned with at
     * least r forks whose round r is not in {@code done} (key -> rounds already measured), in round r's order.
     */
    static List<Step> schedule(List<Configuration> plan, Map<String, Set<Integer>> done, long seed) {
        int rounds = count(plan);
        List<Step> steps = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            List<Configuration> round = new ArrayList<>();
            for (Configuration c : plan) {
                if (c.forks() >= r) {
                    round.add(c);
                }
            }
            Collections.shuffle(round, new Random(seed * 1_000_003L + r));
            for (Configuration c : round) {
                if (!done.getOrDefault(c.key(), Set.of()).contains(r)) {
                    steps.add(new Step(c.withForks(1), r, rounds));
                }
            }
        }
        return steps;
    }
}
