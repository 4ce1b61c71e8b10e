package io.cinch.store;

import java.nio.ByteBuffer;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The bytes of a SQLite write-ahead log (format of sqlite.org/fileformat2.html#walformat) holding one committed frame:
 * page 1 of a database image, unchanged. A file claimed with such a log beside it takes its first commit by appending
 * to the log, where SQLite would otherwise start a new log and sync its header and its directory.
 */
final class WalImage {

    private static final int MAGIC_BIG_ENDIAN_CHECKSUMS = 0x377f0683;
    private static final int FORMAT_VERSION = 3007000;
    private static final int HEADER = 32;
    private static final int FRAME_HEADER = 24;

    private WalImage() {
    }

    /** The log for {@code database}, a whole SQLite database file in WAL mode. */
    static byte[] of(byte[] database) {
        int pageSize = pageSize(database);
        if (database.length < pageSize || database.length % pageSize != 0) {
            throw new IllegalArgumentException("not a whole database image: " + database.length + " bytes, pages of "
                    + pageSize);
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        ByteBuffer wal = ByteBuffer.allocate(HEADER + FRAME_HEADER + pageSize); // big-endian, as the format's fields
        wal.putInt(MAGIC_BIG_ENDIAN_CHECKSUMS).putInt(FORMAT_VERSION).putInt(pageSize).putInt(0)
                .putInt(random.nextInt()).putInt(random.nextInt());
        int[] sum = checksum(wal.array(), 0, 24, 0, 0);
        wal.putInt(sum[0]).putInt(sum[1]);
        int frame = wal.position();
        wal.putInt(1).putInt(database.length / pageSize).putInt(wal.getInt(16)).putInt(wal.getInt(20));
        System.arraycopy(database, 0, wal.array(), frame + FRAME_HEADER, pageSize); // the checksums go before it
        sum = checksum(wal.array(), frame, 8, sum[0], sum[1]);
        sum = checksum(wal.array(), frame + FRAME_HEADER, pageSize, sum[0], sum[1]);
        wal.putInt(sum[0]).putInt(sum[1]);
        return wal.array();
    }

    /** The page size recorded in a database image's header (the value 1 stands for 65,536). */
    static int pageSize(byte[] database) {
        int size = ((database[16] & 0xff) << 8) | (database[17] & 0xff);
        return size == 1 ? 65536 : size;
    }

    /** SQLite's log checksum over {@code length} bytes (a multiple of 8) read as big-endian words, continuing a sum. */
    private static int[] checksum(byte[] bytes, int offset, int length, int s0, int s1) {
        ByteBuffer words = ByteBuffer.wrap(bytes, offset, length);
        for (int i = 0; i < length; i += 8) {
            s0 += words.getInt() + s1;
            s1 += words.getInt() + s0;
        }
        return new int[] {s0, s1};
    }
}
