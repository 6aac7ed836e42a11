package dev.parbench.remote;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;

/**
 * Coverage-guided fuzzing of the frame decoder with Jazzer. {@code mvn verify} runs it in fuzzing mode for a short,
 * bounded time (surefire sets JAZZER_FUZZ=1 for this class only); a plain test run replays the seed corpus. The
 * decoder may only return frames or throw {@link WireException}: any other exception, an allocation beyond the
 * 64 KiB frame limit (the fuzzer's heap is small) or a hang is a finding.
 */
class FrameFuzzTest {
    private static final WireLimits LIMITS = new WireLimits(64 * 1024);

    @FuzzTest(maxDuration = "20s")
    void decoderOnlyReturnsFramesOrWireExceptions(byte[] input) {
        decodeAll(input);
    }

    /** Decodes frames until the stream ends or a WireException; anything else propagates. */
    static void decodeAll(byte[] input) {
        ReadableByteChannel ch = Channels.newChannel(new ByteArrayInputStream(input));
        FrameCodec codec = new FrameCodec(LIMITS);
        try {
            while (codec.read(ch) != null) {
                // keep reading
            }
        } catch (WireException expected) {
            // the only allowed failure
        } catch (IOException e) {
            throw new IllegalStateException("unexpected I/O error from an in-memory stream", e);
        }
    }
}
