package io.cinch.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a new tenant file from its branch's template: the image, synced, and beside it a log that already holds a
 * frame ({@link WalImage}), so that the file's first commit appends to the log without a sync; the directories that
 * name them are synced by the caller, once for all the files it writes there.
 */
final class NewTenantFile {

    private NewTenantFile() {
    }

    /** Writes {@code file} and its log from {@code template}; neither may exist. */
    static void write(Path file, TenantFiles.TemplateImage template) throws IOException {
        write(file, template.bytes(), true);
        // unsynced: SQLite syncs the whole log before its first checkpoint, and a log whose first frame is lost is
        // ignored from there on, as are commits that synchronous=NORMAL never synced
        write(Path.of(file + "-wal"), template.wal(), false);
    }

    private static void write(Path file, byte[] bytes, boolean synced) throws IOException {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (ByteBuffer b = ByteBuffer.wrap(bytes); b.hasRemaining(); ) {
                c.write(b);
            }
            if (synced) {
                c.force(true);
            }
        }
    }

    /** Creates a directory and the missing ones above it, syncing each parent that got a new entry. */
    static void createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        createDirectories(dir.getParent());
        Files.createDirectory(dir);
        syncDirectory(dir.getParent());
    }

    /** Syncs a directory, so that the names of the files made in it survive a power loss. */
    static void syncDirectory(Path directory) throws IOException {
        try (FileChannel c = FileChannel.open(directory, StandardOpenOption.READ)) {
            c.force(true);
        }
    }
}
