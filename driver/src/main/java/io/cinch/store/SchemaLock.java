package io.cinch.store;

import io.cinch.sql.SqlState;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The right to change one branch's schema, held by one owner (a migration, or a connection whose transaction holds
 * schema statements) at a time across threads and processes: a permit in this JVM and a lock on the branch's
 * {@code schema.lock} file between processes. Reentrant for its owner, and free of threads, so a connection may take
 * it on one thread and give it back on another.
 */
public final class SchemaLock {

    private static final long WAIT_MS = Long.getLong("cinch.schemaLockWaitMs", 60_000);
    private static final long POLL_MS = 5;

    private final Path file;
    private final Semaphore permit = new Semaphore(1, true);
    private Object owner;
    private int holds;
    private FileChannel channel;
    private FileLock lock;

    SchemaLock(Path file) {
        this.file = file;
    }

    /** Takes the lock for {@code owner}, waiting up to a minute for another owner, else 40001. */
    public void acquire(Object owner) throws SQLException {
        synchronized (this) {
            if (this.owner == owner) {
                holds++;
                return;
            }
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
        try {
            if (!permit.tryAcquire(WAIT_MS, TimeUnit.MILLISECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SqlState.BUSY.exception("interrupted while waiting to change the branch's schema", e);
        }
        try {
            lockFile(deadline);
        } catch (SQLException | RuntimeException e) {
            permit.release();
            throw e;
        }
        synchronized (this) {
            this.owner = owner;
            holds = 1;
        }
    }

    /** Takes the lock for {@code owner} only if nobody, here or in another process, holds it; says whether it did. */
    public boolean tryAcquire(Object owner) throws SQLException {
        if (!permit.tryAcquire()) {
            return false;
        }
        try {
            FileChannel c = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l = tryLock(c);
            if (l == null) {
                c.close();
                permit.release();
                return false;
            }
            synchronized (this) {
                channel = c;
                lock = l;
                this.owner = owner;
                holds = 1;
            }
            return true;
        } catch (IOException e) {
            permit.release();
            throw SqlState.IO_ERROR.exception("cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    /** Gives the lock back once {@code owner} has released it as often as it took it. */
    public void release(Object owner) {
        synchronized (this) {
            if (this.owner != owner || --holds > 0) {
                return;
            }
            this.owner = null;
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                // closing the channel drops the lock whatever happens
            }
            lock = null;
            channel = null;
        }
        permit.release();
    }

    /** True when {@code owner} holds the lock. */
    public synchronized boolean heldBy(Object owner) {
        return this.owner == owner;
    }

    private void lockFile(long deadline) throws SQLException {
        try {
            FileChannel c = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                FileLock l;
                while ((l = tryLock(c)) == null) {
                    if (System.nanoTime() > deadline) {
                        throw busy();
                    }
                    Thread.sleep(POLL_MS);
                }
                channel = c;
                lock = l;
            } catch (InterruptedException e) {
                c.close();
                Thread.currentThread().interrupt();
                throw SqlState.BUSY.exception("interrupted while waiting to change the branch's schema", e);
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
        } catch (IOException e) {
            throw SqlState.IO_ERROR.exception("cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    private static FileLock tryLock(FileChannel c) throws IOException {
        try {
            return c.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private SQLException busy() {
        return SqlState.BUSY.exception("another schema change of this branch is under way; retry when it is done");
    }
}
