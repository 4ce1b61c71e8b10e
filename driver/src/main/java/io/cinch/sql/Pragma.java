package io.cinch.sql;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A PRAGMA as SQLite will run it (SQLite runs most PRAGMAs while preparing them), judged by an allow-list: every
 * read-only form of a known pragma, and the settings that only tune the connection or the tenant's own file.
 *
 * @param name  the pragma's name, lower-cased
 * @param value the value it sets, lower-cased (signs kept, quotes removed), or null when it only reads
 */
public record Pragma(String name, String value) {

    /** Pragmas whose argument names a table, index or mode to report on: never a setting. */
    private static final Set<String> REPORTS = Set.of(
            "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo", "foreign_key_list",
            "foreign_key_check", "integrity_check", "quick_check", "wal_checkpoint", "optimize", "incremental_vacuum");

    /** Pragmas that may be read (bare, or with a report's argument). */
    private static final Set<String> READABLE = Set.of(
            "analysis_limit", "application_id", "auto_vacuum", "automatic_index", "busy_timeout", "cache_size",
            "cache_spill", "cell_size_check", "checkpoint_fullfsync", "collation_list", "compile_options",
            "count_changes", "data_version", "database_list", "defer_foreign_keys", "empty_result_callbacks",
            "encoding", "foreign_key_check", "foreign_key_list", "foreign_keys", "freelist_count", "full_column_names",
            "fullfsync", "function_list", "hard_heap_limit", "ignore_check_constraints", "incremental_vacuum",
            "index_info", "index_list", "index_xinfo", "integrity_check", "journal_mode", "journal_size_limit",
            "legacy_alter_table", "locking_mode", "max_page_count", "mmap_size", "module_list", "optimize",
            "page_count", "page_size", "pragma_list", "query_only", "quick_check", "read_uncommitted",
            "recursive_triggers", "reverse_unordered_selects", "schema_version", "secure_delete",
            "short_column_names", "shrink_memory", "soft_heap_limit", "stats", "synchronous", "table_info",
            "table_list", "table_xinfo", "temp_store", "threads", "trusted_schema", "user_version",
            "wal_autocheckpoint", "wal_checkpoint");

    private static final Set<String> ANY = Set.of();
    private static final Set<String> ON = Set.of("1", "on", "true", "yes");
    private static final Set<String> OFF = Set.of("0", "off", "false", "no");

    /**
     * Settings a user may change, with the values allowed ({@link #ANY}: any value). Everything else that sets is
     * refused: the process-wide ones (temp_store_directory, heap limits), those that corrupt or unlock files
     * (writable_schema, schema_version, journal_mode other than WAL, mmap_size, locking_mode), and those that weaken
     * integrity (foreign_keys off, ignore_check_constraints, legacy_alter_table, trusted_schema on, query_only).
     */
    private static final Map<String, Set<String>> SETTABLE = Map.ofEntries(
            Map.entry("foreign_keys", ON),
            Map.entry("journal_mode", Set.of("wal")),
            Map.entry("trusted_schema", OFF),
            Map.entry("cell_size_check", ON),
            Map.entry("busy_timeout", ANY),
            Map.entry("cache_size", ANY),
            Map.entry("cache_spill", ANY),
            Map.entry("synchronous", ANY),
            Map.entry("temp_store", ANY),
            Map.entry("recursive_triggers", ANY),
            Map.entry("defer_foreign_keys", ANY),
            Map.entry("automatic_index", ANY),
            Map.entry("reverse_unordered_selects", ANY),
            Map.entry("case_sensitive_like", ANY),
            Map.entry("secure_delete", ANY),
            Map.entry("count_changes", ANY),
            Map.entry("full_column_names", ANY),
            Map.entry("short_column_names", ANY),
            Map.entry("empty_result_callbacks", ANY),
            Map.entry("read_uncommitted", ANY),
            Map.entry("checkpoint_fullfsync", ANY),
            Map.entry("fullfsync", ANY),
            Map.entry("analysis_limit", ANY),
            Map.entry("threads", ANY),
            Map.entry("journal_size_limit", ANY),
            Map.entry("wal_autocheckpoint", ANY),
            Map.entry("max_page_count", ANY),
            Map.entry("auto_vacuum", ANY),
            Map.entry("page_size", ANY));

    /** Settings a pooled handle's check on release does not read back: a connection that changed one is not reused. */
    private static final Set<String> UNVERIFIED = Set.of("case_sensitive_like", "wal_autocheckpoint");

    /** The PRAGMA whose keyword is at {@code at} in {@code tokens}. */
    static Pragma at(List<Token> tokens, int at) {
        int i = at + 1;
        if (i + 2 < tokens.size() && tokens.get(i + 1).isSymbol(".")) {
            i += 2;
        }
        String name = i < tokens.size() ? tokens.get(i).name() : "";
        String value = null;
        int v = i + 1;
        if (v + 1 < tokens.size() && (tokens.get(v).isSymbol("=") || tokens.get(v).isSymbol("(")) && !REPORTS.contains(name)) {
            Token first = tokens.get(v + 1);
            boolean signed = (first.isSymbol("-") || first.isSymbol("+")) && v + 2 < tokens.size();
            value = signed ? first.value() + tokens.get(v + 2).name() : first.name();
        }
        return new Pragma(name, value);
    }

    /** Why SQLite must not run this pragma for a user, or null when it may. */
    public String refusal() {
        boolean allowed = value == null ? READABLE.contains(name)
                : SETTABLE.containsKey(name) && (SETTABLE.get(name) == ANY || SETTABLE.get(name).contains(value));
        return allowed ? null : "PRAGMA " + name + (value != null ? " = " + value : "")
                + " is not allowed: it would reach beyond the tenant or weaken cinch's guarantees";
    }

    /** True when running it leaves a setting in the connection that the pool's check on release would not see. */
    public boolean changesSessionUnseen() {
        return value != null && UNVERIFIED.contains(name);
    }
}
