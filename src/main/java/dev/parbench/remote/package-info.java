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
 * replies on stdout) or {@code ... worker --listen HOST:PORT} (TCP; loopback by default; any other address needs
 * {@code --token-file}, and then every connection passes an HMAC-SHA256 challenge-response before any work frame).
 * A worker computes block ranges exactly as the in-JVM models do ({@link dev.parbench.remote.RemoteTask}).
 *
 * <p><b>Strategies.</b> {@code process-per-task} (a fresh worker JVM per task per operation), {@code process-pool}
 * (N worker JVMs per trial, pipes), {@code socket} (N worker JVMs per trial listening on loopback, or remote
 * workers named by {@code -Dparbench.workers}), and the data-resident variants of the last two, which ship the input
 * once (on the first operation, i.e. in warm-up) so that only the request, the partial result and any output travel
 * in the timed operation. Readers drain every pipe and socket on dedicated threads; a worker that dies fails the
 * operation at once with its pid or address; {@code close()} leaves no child process.
 *
 * <p>May depend on: workload, strategy. May not depend on: JMH, results, analysis, report.
 */
package dev.parbench.remote;
