package io.cinch.store;

import io.cinch.sql.SqlState;
import java.sql.SQLException;
import java.util.Set;
import java.util.regex.Pattern;

/** Validates the names of databases, branches, tenants and backup files before they reach anything else. */
public final class Names {

    private static final Pattern NAME = Pattern.compile("[a-z0-9](?:[a-z0-9]|[-_](?=[a-z0-9])){0,62}");
    /**
     * At most 243 characters: the copy is written as {@code <name>.tmp} first, SQLite may add {@code -journal}
     * beside it, and file names end at 255.
     */
    private static final Pattern BACKUP_FILE = Pattern.compile("[A-Za-z0-9_\\-][A-Za-z0-9_.\\-]{0,242}");
    private static final Set<String> DEVICE_NAMES = Set.of(
            "con", "prn", "aux", "nul",
            "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
            "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    private Names() {
    }

    /** True for a valid database, branch or tenant name. */
    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches() && !DEVICE_NAMES.contains(name);
    }

    /** Returns {@code name} if valid, else throws 42602 saying what kind of name was wrong. */
    public static String check(String kind, String name) throws SQLException {
        if (!isValid(name)) {
            throw SqlState.INVALID_NAME.exception("invalid " + kind + " name '" + name + "': use 1-63 lowercase letters, "
                    + "digits, '-' or '_', starting and ending with a letter or digit, without two '-'/'_' in a row");
        }
        return name;
    }

    /** True for a plain backup file name. */
    public static boolean isBackupFile(String file) {
        return file != null && BACKUP_FILE.matcher(file).matches();
    }

    /** Returns {@code file} if it is a plain backup file name (no directories, not hidden), else throws 42602. */
    public static String checkBackupFile(String file) throws SQLException {
        if (file == null || !BACKUP_FILE.matcher(file).matches()) {
            throw SqlState.INVALID_NAME.exception("invalid backup file name '" + file
                    + "': use letters, digits, '-', '_' and '.', not starting with '.', without directories");
        }
        return file;
    }
}
