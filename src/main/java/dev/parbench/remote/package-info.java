/**
 * Out-of-process runs: worker JVMs fed over pipes or TCP, and the strategies that use them.
 *
 * <p><b>Wire.</b> One small binary frame format for pipes and sockets ({@link dev.parbench.remote.FrameCodec}):
 * a 12-byte header (magic {@code PBWF}, version, type, reserved, payload length) and a typed payload; bulk arrays
 * travel as raw little-endian bytes through a direct buffer. No Java serialization anywhere. Every length is checked
 * against {@link dev.parbench.remote.WireLimits} before anything is allocated; a bad frame is a
 * {@link dev.parbench.remote.WireException} and closes that connection.
 *
 * <p><b>Worker.</b> The same jar: {@code java -cp <jar> dev.parbench.cli.Main worker --stdio} (requests on stdin,
 * replies on stdout) or {@code ... worker --listen HOST:PORT} (TCP; loopback by default; always with a token,
 * {@code --token-file} or {@code --token-stdin}, loopback too: every connection passes an HMAC-SHA256
 * challenge-response, {@code Handshake}, before it gets READY or sends any work frame).
 * A worker computes block ranges exactly as the in-JVM models do ({@link dev.parbench.remote.RemoteTask}).
 *
 * <p><b>Before authentication.</b> Until a peer has authenticated, the worker reads it with a separate codec
 * ({@code FrameCodec.preAuth()}): only AUTH frames, at most
 * {@link dev.parbench.remote.WireLimits#PRE_AUTH_MAX_FRAME_BYTES} bytes; any other type or a larger length is
 * rejected on its 12-byte header, before any payload byte is read or anything sized by the peer is allocated, and
 * the connection gets one ERROR and is closed. The work codecs (and
 * their 1 MiB buffers) exist only after authentication. A listening worker also closes a connection that has not
 * authenticated within {@code --auth-timeout} (2 s). A connection that has not authenticated gets no READY, no
 * socket buffer resize and no slot; it counts only among the pending handshakes, at most 8 per remote address and
 * 32 in all, the oldest closed to make room ({@code PendingHandshakes}). An authenticated one takes one of
 * {@code --max-connections} (16) slots (none free: a short ERROR, a log line, and it is closed), and is closed when
 * its read or write has been blocked longer than {@code --idle-timeout} (600 s; a watchdog thread closes the
 * channel, as NIO reads have no timeout). A master reads a worker's frames before READY with a handshake-sized codec
 * and answers one CHALLENGE, only then. A {@code --stdio} worker (reached only through its own pipes) needs no
 * token; the frame limit still applies.
 *
 * <p><b>Pipes.</b> A process model's worker has its stdin and stdout on named pipes (FIFOs) that the master reads
 * and writes as {@code FileChannel}s through the codec's direct buffer ({@link dev.parbench.remote.Pipes}; the FIFO
 * files exist, owner-only in a private temporary directory, only while the worker starts). Elsewhere than Linux, or
 * with {@code -Dparbench.pipes=streams}, the process streams in 1 MiB pieces. {@code TransferProbe.pipe}
 * ({@link dev.parbench.remote.PipeSink}) measures the raw throughput of the same pipes, as
 * {@code TransferProbe.loopback} ({@link dev.parbench.remote.LoopbackSink}) does for TCP.
 *
 * <p><b>Worker JVMs</b> started by the master run with its own flags (a JMH fork's GC, {@code -Xmx},
 * {@code --add-modules}, the user's {@code -jvmArgsAppend}), minus {@code -Xms} and JMH, agent and debugger flags
 * ({@code WorkerProcesses.jvmFlags}), plus {@code -Dparbench.workerJvmArgs}.
 *
 * <p><b>Output.</b> A RESULT's output arrays (vector-add's {@code c}) are decoded by the master's reader straight
 * into the caller's array at the task's offset ({@code WireForm.outputDestination}); a RESULT whose arrays do not
 * match that destination in number, kind and length is a {@link dev.parbench.remote.WireException}, found on each
 * array's header before any element is written.
 *
 * <p><b>Strategies.</b> {@code process-per-task} (a fresh worker JVM per task per operation), {@code process-pool}
 * (N worker JVMs per trial, pipes), {@code shared-memory} (the pool, with the input in shared-memory files the workers
 * map: {@link dev.parbench.remote.SharedMemoryStrategy}, {@link dev.parbench.remote.SharedFiles}), {@code socket}
 * (N worker JVMs per trial listening on loopback, or remote
 * workers named by {@code -Dparbench.workers}), and the data-resident variants of the last two, which ship the input
 * once (on the first operation, i.e. in warm-up) so that only the request, the partial result and any output travel
 * in the timed operation. Readers drain every pipe and socket on dedicated threads; a worker that dies fails the
 * operation at once with its pid or address, and so does a request sent on a link that has already failed. The
 * persistent models replace a failed worker (a fresh JVM, or a new connection to a remote worker) at the start of
 * the next operation and ship a resident dataset to it again. Closing a link is bounded whatever the peer does (it
 * never waits for a writer stuck on a peer that does not read; a worker process stuck that way is killed), and
 * {@code close()} leaves no child process.
 *
 * <p><b>Stopping a worker</b> (the {@code kill} family): {@link dev.parbench.remote.WorkerStop} starts one
 * {@code --stdio} worker, leaves it idle or gives it a long request, and times its stop by SIGTERM, SIGKILL or a BYE
 * message ({@link dev.parbench.remote.StopKind}) to its exit, bounded by a deadline; a stop that misses it is
 * reported and the worker killed. {@code process-per-task} kills the other workers of a failed operation at once.
 *
 * <p>May depend on: workload, strategy. May not depend on: JMH, results, analysis, report.
 */
package dev.parbench.remote;
