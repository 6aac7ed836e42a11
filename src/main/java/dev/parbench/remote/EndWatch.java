package dev.parbench.remote;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/** A channel that notes when its stream ends: a stdio worker's way to see its master close or die without a BYE. */
final class EndWatch implements ReadableByteChannel {
    private final ReadableByteChannel in;
    volatile boolean ended;

    EndWatch(ReadableByteChannel in) {
        this.in = in;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int n = in.read(dst);
        if (n < 0) {
            ended = true;
        }
        return n;
    }

    @Override
    public boolean isOpen() {
        return in.isOpen();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
