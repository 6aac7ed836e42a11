package dev.parbench.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The baseline of a comparison, built from a git ref: a detached git worktree of the repository, built there with its
 * own Maven wrapper ({@code ./mvnw -B -q -Dmaven.test.skip=true package}: the tests are neither compiled nor run).
 * {@link #close()} removes the worktree.
 */
final class BaselineBuild implements AutoCloseable {
    static final long BUILD_MINUTES = 20;
    static final long GIT_SECONDS = 120;

    private final Path repo;
    private final Path worktree;
    private volatile boolean added;

    BaselineBuild(Path repo, Path worktree) {
        this.repo = repo;
        this.worktree = worktree;
    }

    /** Checks out {@code ref} into the worktree and builds it; returns the baseline's benchmarks.jar. */
    Path build(String ref, PrintStream progress) throws IOException, InterruptedException {
        String sha = git(List.of("rev-parse", "--verify", "--quiet", ref + "^{commit}"), false);
        if (sha == null || sha.isBlank()) {
            throw new UsageException("unknown git ref '" + ref + "' in " + repo.toAbsolutePath().normalize());
        }
        if (git(List.of("worktree", "add", "--detach", worktree.toString(), sha.trim()), false) == null) {
            throw new UsageException("could not create a git worktree for " + ref);
        }
        added = true;
        progress.printf("[parbench] building the baseline %s (%s) in %s ...%n", ref,
                sha.trim().substring(0, Math.min(12, sha.trim().length())), worktree);
        Path log = worktree.resolveSibling("baseline-build.log");
        Process p = new ProcessBuilder("./mvnw", "-B", "-q", "-Dmaven.test.skip=true", "package")
                .directory(worktree.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = p.waitFor(BUILD_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        if (!finished || p.exitValue() != 0) {
            String tail = String.join(" / ", Files.readAllLines(log).stream().filter(l -> l.contains("ERROR"))
                    .limit(3).toList());
            throw new UsageException("the baseline " + ref + (finished ? " did not build: " + tail
                    : " did not build within " + BUILD_MINUTES + " minutes"));
        }
        return worktree.resolve("target/benchmarks.jar");
    }

    /** Removes the worktree (if one was added). */
    @Override
    public synchronized void close() throws IOException, InterruptedException {
        if (added) {
            git(List.of("worktree", "remove", "--force", worktree.toString()), true);
            added = false;
        }
    }

    /** Runs git in the repo; returns stdout, or null on failure (or throws if !tolerant and git is missing). */
    private String git(List<String> args, boolean tolerant) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", repo.toString()));
        cmd.addAll(args);
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            if (tolerant) {
                return null;
            }
            throw new UsageException("git is not available: " + e.getMessage());
        }
        // git's output is small; read it on this thread, but never wait on git for more than GIT_SECONDS
        java.util.concurrent.CompletableFuture<String> out = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
        if (!p.waitFor(GIT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            if (tolerant) {
                return null;
            }
            throw new UsageException("git " + String.join(" ", args) + " did not finish within " + GIT_SECONDS
                    + " seconds");
        }
        try {
            return p.exitValue() == 0 ? out.get(GIT_SECONDS, TimeUnit.SECONDS) : null;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return null;
        }
    }
}
