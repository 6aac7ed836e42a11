package dev.parbench.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The timeline's frames: exact round trips, fixed lengths checked, and never accepted before authentication. */
class TraceFrameTest {
    private static final WireLimits LIMITS = new WireLimits(WireLimits.DEFAULT_MAX_FRAME_BYTES);

    private static byte[] bytes(Frame f) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new FrameCodec(LIMITS).write(f, Channels.newChannel(out));
        return out.toByteArray();
    }

    private static Frame read(FrameCodec codec, byte[] b) throws Exception {
        return codec.read(Channels.newChannel(new ByteArrayInputStream(b)));
    }

    @Test
    void roundTrips() throws Exception {
        for (Frame f : new Frame[] {new Frame.Ping(-5), new Frame.Pong(1, Long.MIN_VALUE, Long.MAX_VALUE),
            new Frame.Trace(7, 10, 20, 30)}) {
            assertEquals(f, read(new FrameCodec(LIMITS), bytes(f)));
        }
    }

    @Test
    void aLengthOtherThanTheFieldsIsRejected() throws Exception {
        byte[] b = bytes(new Frame.Trace(7, 10, 20, 30));
        byte[] longer = Arrays.copyOf(b, b.length + 8); // payload claims 8 more bytes than TRACE has
        ByteBuffer.wrap(longer).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 40);
        assertThrows(WireException.class, () -> read(new FrameCodec(LIMITS), longer));
        byte[] shorter = Arrays.copyOf(b, b.length - 8);
        ByteBuffer.wrap(shorter).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 24);
        assertThrows(WireException.class, () -> read(new FrameCodec(LIMITS), shorter));
    }

    @Test
    void noPingBeforeAuthentication() throws Exception {
        WireException e = assertThrows(WireException.class, () -> read(FrameCodec.preAuth(),
                bytes(new Frame.Ping(1))));
        assertEquals("unexpected PING frame (expected [AUTH])", e.getMessage());
    }
}
