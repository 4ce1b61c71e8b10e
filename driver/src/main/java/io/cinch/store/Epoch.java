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
 * A counter shared by every process that has the project open, one of the two slots of a memory-mapped file: the
 * {@link #CHANGES} slot moves whenever the metadata changes in a way that invalidates what processes cache (schemas,
 * tenants, branches), the {@link #MATERIALIZATIONS} slot whenever a lazy tenant gets its file, which only concerns
 * whoever holds a lazy tenant. A counter is odd while such a change is being committed, so that readers do not trust
 * their caches during it. Only the holder of the metadata write lock moves them.
 */
final class Epoch {

    /** The slot of changes to schemas, tenants and branches. */
    static final int CHANGES = 0;
    /** The slot of first writes to lazy tenants. */
    static final int MATERIALIZATIONS = 1;

    private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private final MappedByteBuffer buffer;
    private final int offset;

    Epoch(Path file, int slot) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            buffer = channel.map(FileChannel.MapMode.READ_WRITE, 0, 2 * Long.BYTES);
        }
        offset = slot * Long.BYTES;
    }

    /** The current value. */
    long read() {
        return (long) LONG.getVolatile(buffer, offset);
    }

    /** Marks a change as under way (the value becomes odd). */
    void begin() {
        LONG.setVolatile(buffer, offset, (read() + 1) | 1);
    }

    /** Marks the change as committed (the value becomes even). */
    void end() {
        long value = read();
        LONG.setVolatile(buffer, offset, (value & 1) == 1 ? value + 1 : value + 2);
    }

    /** True when no change is under way at {@code value}, so caches taken at it can be trusted. */
    static boolean settled(long value) {
        return (value & 1) == 0;
    }
}
