package io.cinch.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.sun.management.UnixOperatingSystemMXBean;
import io.cinch.sql.SqlState;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteOpenMode;

/**
 * The open SQLite files of a project: a bounded cache of idle connections (least recently used closed first), from
 * which connections are lent and to which they return, so that reopening a recently used tenant costs a lookup.
 */
public final class FilePool {

    /** Idle connections kept open when the process's file limit is unknown. */
    static final int DEFAULT_IDLE_FILES = 256;
    private static final int DEFAULT_BUSY_TIMEOUT_MS = 10_000;

    /** What makes two connections interchangeable: the file, whether it is a template, and the user's settings. */
    record Key(Path file, boolean template, String settings) {
    }

    private static final int LOCKS = 256;

    private final Cache<Key, Handle> idle;
    /** The keys of the idle connections, by file, so that finding a file's connections does not scan the cache. */
    private final Map<Path, Set<Key>> idleKeys = new ConcurrentHashMap<>();
    /**
     * Handles lent out (or being opened), by file, and the files whose lent handles close when they come back; both
     * change, with the file's idle connections, only under the file's lock, so a file's count and its idle
     * connections are seen together.
     */
    private final Map<Path, Integer> lent = new ConcurrentHashMap<>();
    private final Set<Path> closeOnReturn = ConcurrentHashMap.newKeySet();
    private final Object[] locks = new Object[LOCKS];
    /**
     * What {@link Handle}'s settings query read on a connection just opened, by template flag and user settings (at
     * most a few distinct ones): a connection opened the same way starts with the same settings, and preparing that
     * query on each new connection cost more than a millisecond of a lazy tenant's first write. A file can start
     * differently (a tenant's own {@code auto_vacuum} or {@code page_size}): once a handle of a file could not be
     * kept, the file's next connections read their own (in {@link #readOwnSettings}), so it is not closed each time.
     */
    private final Cache<String, String> openingSettings = Caffeine.newBuilder().maximumSize(64).build();
    private final Set<Path> readOwnSettings = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<long[]> openedByThread = ThreadLocal.withInitial(() -> new long[1]);

    FilePool(int maxIdle) {
        for (int i = 0; i < LOCKS; i++) {
            locks[i] = new Object();
        }
        idle = Caffeine.newBuilder()
                .maximumSize(maxIdle)
                .executor(Runnable::run)
                .removalListener((Key key, Handle handle, RemovalCause cause) -> {
                    unindex(key);
                    if (handle != null && cause != RemovalCause.EXPLICIT) {
                        handle.close();
                        // not under the file's lock (the evicting thread may hold another file's): a mark that comes
                        // after the last lent handle returned only closes the file's next returned handle
                        closeLentOnReturn(key.file());
                    }
                })
                .build();
    }

    /**
     * The idle-connection cap: the system property {@code cinch.idleFiles}, or else an eighth of the process's open
     * file limit (a WAL-mode SQLite connection holds three files), between 64 and 4096.
     */
    static int configuredIdleFiles() {
        Integer configured = Integer.getInteger("cinch.idleFiles");
        if (configured != null) {
            return configured;
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix) {
            return (int) Math.max(64, Math.min(4096, unix.getMaxFileDescriptorCount() / 8));
        }
        return DEFAULT_IDLE_FILES;
    }

    /**
     * Lends a connection to {@code file}: an idle one if there is one, else a new one. A {@code template} connection
     * opens the file read-only at SQLite level (URI {@code mode=ro}), so no SQL can make it write there; the
     * files it attaches stay writable.
     */
    public Handle borrow(Path file, boolean template, Properties settings) throws SQLException {
        Key key = new Key(file, template, signature(settings));
        synchronized (lock(file)) {
            Handle handle = idle.asMap().remove(key);
            lent.merge(file, 1, Integer::sum);
            if (handle != null) {
                return handle;
            }
        }
        try {
            return open(key, settings);
        } catch (SQLException | RuntimeException e) {
            synchronized (lock(file)) {
                returned(file);
            }
            throw e;
        }
    }

    /**
     * Lends an idle connection to a tenant's own file, whatever its settings, if there is one, else null. Opening a
     * second connection instead would cost a descriptor until the idle one closes: SQLite keeps a closed connection's
     * file open while another connection of the process holds a lock on it, as a WAL connection always does.
     */
    public Handle borrowIdle(Path file) {
        synchronized (lock(file)) {
            Handle handle = takeIdle(file);
            if (handle != null) {
                lent.merge(file, 1, Integer::sum);
            }
            return handle;
        }
    }

    /**
     * Takes a connection back; it stays open for the next borrower unless it cannot be reused. When an idle one to the
     * same file is already kept, both close: SQLite keeps a closed connection's descriptor while another connection of
     * the process holds a lock on the file, as a kept WAL connection always does.
     */
    public void release(Handle handle) {
        boolean reusable = handle.reset();
        synchronized (lock(handle.file())) {
            if (!reusable && readOwnSettings.size() < 10_000) {
                readOwnSettings.add(handle.file());
            }
            if (returned(handle.file()) || !reusable) {
                handle.close();
                return;
            }
            Handle kept = idle.asMap().putIfAbsent(handle.key(), handle);
            if (kept == null) {
                index(handle.key());
            } else {
                handle.close();
                closeIdleLocked(handle.file());
                return;
            }
        }
        // the cache evicts in batches, when a thread finds its lock free; closing an evicted handle can take a
        // checkpoint's time, during which other returns pile up above the bound. Each return waits for the eviction.
        idle.cleanUp();
    }

    /**
     * Closes the connections to a tenant's own file, after a connection of cinch's own to it closed, so that SQLite
     * lets go of that connection's descriptor: the idle ones now, those lent out when they come back.
     */
    public void closeIdle(Path file) {
        synchronized (lock(file)) {
            closeIdleLocked(file);
        }
    }

    private void closeIdleLocked(Path file) {
        for (Handle h = takeIdle(file); h != null; h = takeIdle(file)) {
            h.close();
        }
        closeLentOnReturn(file);
    }

    /** Removes an idle connection to a tenant's own file from the cache, whatever its settings; null if none. */
    private Handle takeIdle(Path file) {
        Handle plain = idle.asMap().remove(new Key(file, false, ""));
        if (plain != null) {
            return plain;
        }
        Set<Key> keys = idleKeys.get(file);
        if (keys != null) {
            for (Key key : List.copyOf(keys)) {
                Handle h = key.template() ? null : idle.asMap().remove(key);
                if (h != null) {
                    return h;
                }
            }
        }
        return null;
    }

    private Object lock(Path file) {
        return locks[Math.floorMod(file.hashCode(), LOCKS)];
    }

    /** Notes an idle connection under its file; called after it went into the cache. */
    private void index(Key key) {
        idleKeys.compute(key.file(), (file, keys) -> {
            Set<Key> set = keys != null ? keys : ConcurrentHashMap.newKeySet();
            set.add(key);
            return set;
        });
    }

    /** Forgets an idle connection under its file, after it left the cache, unless the key was put back since. */
    private void unindex(Key key) {
        idleKeys.computeIfPresent(key.file(), (file, keys) -> {
            if (!idle.asMap().containsKey(key)) {
                keys.remove(key);
            }
            return keys.isEmpty() ? null : keys;
        });
    }

    /**
     * Notes, under the file's lock, that a lent handle of {@code file} came back; says whether it must close rather
     * than be kept.
     */
    private boolean returned(Path file) {
        boolean close = closeOnReturn.contains(file);
        if (lent.computeIfPresent(file, (f, n) -> n == 1 ? null : n - 1) == null) {
            closeOnReturn.remove(file);
        }
        return close;
    }

    /** Closes the idle connections to {@code file} (or to files under it), before it is deleted or replaced. */
    public void evict(Path file) {
        for (Key key : idle.asMap().keySet()) {
            if (key.file().startsWith(file)) {
                synchronized (lock(key.file())) {
                    Handle handle = idle.asMap().remove(key);
                    if (handle != null) {
                        handle.close();
                        closeLentOnReturn(key.file());
                    }
                }
            }
        }
    }

    /**
     * After an idle connection to {@code file} closed: its lent ones close when they come back, since SQLite keeps
     * the closed connection's descriptor until they do.
     */
    private void closeLentOnReturn(Path file) {
        if (lent.containsKey(file)) {
            closeOnReturn.add(file);
        }
    }

    /** Closes every idle connection. */
    void clear() {
        Set<Path> readOnly = new HashSet<>();
        idle.asMap().forEach((key, handle) -> {
            handle.close();
            if (key.template()) {
                readOnly.add(key.file());
            }
        });
        idle.invalidateAll();
        for (Path file : readOnly) {
            checkpoint(file);
        }
    }

    /**
     * Opens and closes {@code file} for writing, so that when it was last read through read-only connections, which
     * cannot, SQLite folds its write-ahead log into it and removes the log.
     */
    private static void checkpoint(Path file) {
        if (Files.exists(Path.of(file + "-wal"))) {
            try {
                TenantFiles.writable(file).close();
            } catch (SQLException e) {
                System.getLogger(FilePool.class.getName()).log(System.Logger.Level.DEBUG, "checkpoint of " + file, e);
            }
        }
    }

    /** How many connections this pool has opened for the calling thread, for tests of what reuses one. */
    public long openedByThisThread() {
        return openedByThread.get()[0];
    }

    /** Number of idle connections. */
    public long idleCount() {
        idle.cleanUp();
        return idle.estimatedSize();
    }

    private Handle open(Key key, Properties settings) throws SQLException {
        // a copy: SQLiteConfig adds its defaults to the Properties it is given, which are the connection's own
        SQLiteConfig config = new SQLiteConfig(settings == null ? new Properties() : (Properties) settings.clone());
        config.resetOpenMode(SQLiteOpenMode.CREATE); // files are made by TenantFiles only; a missing one is an error
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.enforceForeignKeys(true);
        config.setGetGeneratedKeys(false); // cinch reports keys with RETURNING; sqlite-jdbc's would match every statement
        if (settings == null || settings.getProperty("synchronous") == null) {
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        }
        if (settings == null || settings.getProperty("busy_timeout") == null) {
            config.setBusyTimeout(DEFAULT_BUSY_TIMEOUT_MS);
        }
        try {
            String url = key.template() ? "jdbc:sqlite:file:" + key.file().toUri().getRawPath() + "?mode=ro" : "jdbc:sqlite:" + key.file();
            String kind = key.template() + "|" + key.settings();
            String known = readOwnSettings.contains(key.file()) ? null : openingSettings.getIfPresent(kind);
            Handle handle = new Handle(key, (SQLiteConnection) config.createConnection(url), known);
            openedByThread.get()[0]++;
            openingSettings.asMap().putIfAbsent(kind, handle.openedWith());
            return handle;
        } catch (SQLException e) {
            throw SqlState.of(e, "cannot open " + key.file());
        }
    }

    private static String signature(Properties settings) {
        if (settings == null || settings.isEmpty()) {
            return "";
        }
        Map<String, String> sorted = new TreeMap<>();
        settings.stringPropertyNames().forEach(n -> sorted.put(n, settings.getProperty(n)));
        return sorted.toString();
    }
}
