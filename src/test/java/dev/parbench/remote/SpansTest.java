package dev.parbench.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class SpansTest {

    /** A round walks the whole span once, chunk by chunk, and its pieces add up to the round. */
    @Test
    void aRoundWalksTheSpanChunkByChunk() {
        long round = 3L * Spans.CHUNK + 123;
        ByteBuffer span = Spans.allocate(round);
        assertEquals(round, span.capacity());
        long done = 0;
        int pieces = 0;
        while (done < round) {
            ByteBuffer b = Spans.next(span, done, round - done);
            assertEquals(done, b.position(), "each piece starts where the last ended");
            done += b.remaining();
            b.position(b.limit()); // as a full write or read leaves it
            pieces++;
        }
        assertEquals(round, done);
        assertEquals(4, pieces);
    }

    /** A round longer than the largest span wraps around in it, never past its end. */
    @Test
    void aLongRoundWrapsAroundTheLargestSpan() {
        ByteBuffer span = ByteBuffer.allocateDirect(3 * Spans.CHUNK / 2);
        ByteBuffer b = Spans.next(span, Spans.CHUNK, 10L * Spans.CHUNK);
        assertEquals(Spans.CHUNK, b.position());
        assertEquals(span.capacity(), b.limit(), "cut at the end of the span");
        b = Spans.next(span, span.capacity(), 10L * Spans.CHUNK);
        assertEquals(0, b.position(), "and started again at its beginning");
        assertEquals(Spans.CHUNK, b.remaining());
        assertEquals(Spans.MAX_SPAN, 1 << 28);
    }

    @Test
    void aPartialReadContinuesWhereItStopped() {
        ByteBuffer span = Spans.allocate(2L * Spans.CHUNK);
        ByteBuffer b = Spans.next(span, 1000, 2L * Spans.CHUNK - 1000);
        assertEquals(1000, b.position());
        assertEquals(1000 + Spans.CHUNK, b.limit());
    }

    @Test
    void filledIsNotZeroAndEmptyRoundsAreRefused() {
        ByteBuffer b = Spans.filled(4096);
        assertEquals((byte) 7, b.get(0));
        assertEquals((byte) (31 + 7), b.get(1));
        assertThrows(IllegalArgumentException.class, () -> Spans.allocate(0));
    }
}
