package io.cinch.store;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A counter shared by every process that has the project open, in a memory-mapped file: it moves whenever the
 * metadata changes in a way that invalidates what processes cache (schemas, tenants' files). It is odd while such a
 * change is being committed, so that readers do not trust their caches during it. Only the holder of the metadata
 * write lock moves it.
 */
final class Epoch {

    private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private final MappedByteBuffer buffer;

    Epoch(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            buffer = channel.map(FileChannel.MapMode.READ_WRITE, 0, Long.BYTES);
        }
    }

    /** The current value. */
    long read() {
        return (long) LONG.getVolatile(buffer, 0);
    }

    /** Marks a change as under way (the value becomes odd). */
    void begin() {
        LONG.setVolatile(buffer, 0, (read() + 1) | 1);
    }

    /** Marks the change as committed (the value becomes even). */
    void end() {
        long value = read();
        LONG.setVolatile(buffer, 0, (value & 1) == 1 ? value + 1 : value + 2);
    }

    /** True when no change is under way at {@code value}, so caches taken at it can be trusted. */
    static boolean settled(long value) {
        return (value & 1) == 0;
    }
}
