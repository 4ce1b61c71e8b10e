package io.cinch.jdbc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cinch.sql.SqlState;
import io.cinch.store.Names;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.sqlite.SQLiteConfig;

/**
 * A parsed {@code jdbc:cinch:<project-dir>[?key=value&...]} URL merged with connection Properties (the URL wins):
 * the project, cinch's own settings, and the settings passed on to sqlite-jdbc for each tenant file.
 */
record ConnectionUrl(String url, Path project, Map<Property, String> values, Properties sqliteSettings) {

    static final String PREFIX = "jdbc:cinch:";
    /** The tenant value that opens the cross-tenant connection. */
    static final String ALL_TENANTS = "*";

    /** sqlite-jdbc settings that would weaken cinch's guarantees, refused with 42501. */
    private static final Set<String> REFUSED_SETTINGS = Set.of(
            "journal_mode", "foreign_keys", "enable_load_extension", "load_extension", "locking_mode", "open_mode",
            "legacy_file_format", "legacy_alter_table", "user_version", "application_id", "temp_store_directory",
            "writable_schema", "shared_cache", "query_only", "mmap_size", "jdbc.explicit_readonly",
            "ignore_check_constraints", "trusted_schema", "cell_size_check");
    private static final Set<String> IGNORED_SETTINGS = Set.of("user", "password");
    /** Every key sqlite-jdbc accepts, as its own configuration lists them. */
    private static final Set<String> SQLITE_KEYS = Arrays.stream(SQLiteConfig.Pragma.values())
            .map(p -> p.pragmaName).collect(Collectors.toUnmodifiableSet());
    /** sqlite-jdbc keys whose value is a whole number. */
    private static final Set<String> NUMBER_KEYS = Set.of("busy_timeout", "cache_size", "page_size", "max_page_count",
            "journal_size_limit", "wal_autocheckpoint", "default_cache_size", "incremental_vacuum");
    /** sqlite-jdbc keys whose value is a free-form text that sqlite-jdbc itself interprets (not a pragma). */
    private static final Set<String> TEXT_KEYS = Set.of("date_string_format", "password");
    /** sqlite-jdbc's settings for storing and reading dates; given any of them, sqlite-jdbc does both as it would alone. */
    /** sqlite-jdbc's date settings, which a remote URL passes on to the server's connection. */
    static final Set<String> DATE_KEYS = Set.of("date_class", "date_precision", "date_string_format");
    /** What a pragma value set through a URL key may look like: a word or a signed whole number. */
    private static final Pattern PRAGMA_VALUE = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    /** True when {@code url} is a cinch URL. */
    static boolean accepts(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    /**
     * True when {@code url} names a {@code cinch serve} server rather than a directory (tested here, so that a local
     * connection never loads the remote classes).
     */
    static boolean remote(String url) {
        return url.startsWith(PREFIX + "//") || url.startsWith(PREFIX + "https://");
    }

    private static final Cache<String, ConnectionUrl> PARSED = Caffeine.newBuilder().maximumSize(1024).build();

    /**
     * Parses and validates the URL and properties; names are checked before anything else happens. A URL without
     * properties is parsed once.
     */
    static ConnectionUrl parse(String url, Properties info) throws SQLException {
        if (info != null && !info.isEmpty()) {
            return parseNew(url, info);
        }
        ConnectionUrl parsed = PARSED.getIfPresent(url);
        if (parsed == null) {
            parsed = parseNew(url, null);
            PARSED.put(url, parsed);
        }
        return parsed;
    }

    private static ConnectionUrl parseNew(String url, Properties info) throws SQLException {
        String rest = url.substring(PREFIX.length());
        int q = rest.indexOf('?');
        String dir = q < 0 ? rest : rest.substring(0, q);
        if (dir.isEmpty()) {
            throw SqlState.CANNOT_CONNECT.exception("no project directory in URL '" + url + "': use jdbc:cinch:<dir>[?key=value]");
        }
        Map<String, String> given = new LinkedHashMap<>();
        if (info != null) {
            info.stringPropertyNames().forEach(k -> given.put(k, info.getProperty(k)));
        }
        Map<String, String> fromUrl = new LinkedHashMap<>();
        if (q >= 0) {
            for (String pair : rest.substring(q + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw SqlState.CANNOT_CONNECT.exception("malformed URL parameter '" + pair + "' in '" + url + "'");
                }
                String key = decode(pair.substring(0, eq), url);
                if (fromUrl.put(key, decode(pair.substring(eq + 1), url)) != null) {
                    throw SqlState.CANNOT_CONNECT.exception("key '" + key + "' is given twice in URL '" + url
                            + "': encode names (URLEncoder) or pass them as Properties");
                }
            }
        }
        given.putAll(fromUrl);
        for (String key : given.keySet()) {
            checkKnown(key);
        }
        Map<Property, String> values = new EnumMap<>(Property.class);
        for (Property p : Property.values()) {
            values.put(p, given.getOrDefault(p.key(), p.defaultValue()));
        }
        Names.check("database", values.get(Property.DATABASE));
        Names.check("branch", values.get(Property.BRANCH));
        if (!values.get(Property.TENANT).equals(ALL_TENANTS)) {
            Names.check("tenant", values.get(Property.TENANT));
        }
        Properties sqlite = new Properties();
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (REFUSED_SETTINGS.contains(e.getKey())) {
                throw SqlState.NOT_ALLOWED.exception("setting '" + e.getKey() + "' is not allowed: cinch keeps every "
                        + "tenant file in WAL mode with foreign keys on");
            } else if (Property.of(e.getKey()) == null && !IGNORED_SETTINGS.contains(e.getKey())) {
                sqlite.setProperty(e.getKey(), checkValue(e.getKey(), e.getValue()));
            }
        }
        try {
            new SQLiteConfig((Properties) sqlite.clone()); // its constructor adds defaults to the Properties it gets
        } catch (RuntimeException e) {
            throw SqlState.INVALID_ARGUMENT.exception("invalid sqlite-jdbc setting: " + e.getMessage(), e);
        }
        bool(values, Property.CREATE);
        bool(values, Property.LOCK_TENANT);
        if (values.get(Property.TENANT).equals(ALL_TENANTS) && values.get(Property.LOCK_TENANT).equals("true")) {
            throw SqlState.NOT_ALLOWED.exception("lock_tenant=true locks a connection to one tenant; tenant=* reads them all");
        }
        try {
            return new ConnectionUrl(url, Path.of(dir), values, sqlite);
        } catch (InvalidPathException e) {
            throw SqlState.CANNOT_CONNECT.exception("invalid project directory '" + dir + "': " + e.getMessage(), e);
        }
    }

    /** The same URL aimed at tenant {@code tenant}. */
    ConnectionUrl withTenant(String tenant) {
        Map<Property, String> copy = new EnumMap<>(values);
        copy.put(Property.TENANT, tenant);
        return new ConnectionUrl(url, project, copy, sqliteSettings);
    }

    String get(Property p) {
        return values.get(p);
    }

    boolean flag(Property p) {
        return Boolean.parseBoolean(values.get(p));
    }

    /** True when sqlite-jdbc's date settings were given, so that sqlite-jdbc stores and reads dates, not cinch. */
    boolean sqliteDates() {
        return DATE_KEYS.stream().anyMatch(sqliteSettings::containsKey);
    }

    /** sqlite-jdbc's date settings among the URL's, alone. */
    Properties dateSettings() {
        Properties out = new Properties();
        for (String key : DATE_KEYS) {
            if (sqliteSettings.getProperty(key) != null) {
                out.setProperty(key, sqliteSettings.getProperty(key));
            }
        }
        return out;
    }

    boolean crossTenant() {
        return ALL_TENANTS.equals(values.get(Property.TENANT));
    }

    /** Refuses a key neither cinch nor sqlite-jdbc knows, naming the closest one that exists. */
    private static void checkKnown(String key) throws SQLException {
        if (Property.of(key) != null || SQLITE_KEYS.contains(key) || IGNORED_SETTINGS.contains(key) || REFUSED_SETTINGS.contains(key)) {
            return;
        }
        String closest = null;
        int best = Integer.MAX_VALUE;
        for (String known : knownKeys()) {
            int d = distance(key.toLowerCase(Locale.ROOT), known);
            if (d < best) {
                best = d;
                closest = known;
            }
        }
        throw SqlState.CANNOT_CONNECT.exception("unknown connection key '" + key + "' (did you mean '" + closest
                + "'?): cinch takes " + Arrays.stream(Property.values()).map(Property::key).toList()
                + " and the keys of sqlite-jdbc's SQLiteConfig");
    }

    private static List<String> knownKeys() {
        List<String> out = new ArrayList<>();
        Arrays.stream(Property.values()).forEach(p -> out.add(p.key()));
        out.addAll(new TreeSet<>(SQLITE_KEYS));
        return out;
    }

    /** The edit distance between two keys. */
    private static int distance(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.length()];
    }

    /**
     * A sqlite-jdbc setting's value, checked before sqlite-jdbc turns it into a PRAGMA: a whole number where one is
     * expected, else a single word (22023 otherwise, never a runtime exception or extra SQL).
     */
    private static String checkValue(String key, String value) throws SQLException {
        if (TEXT_KEYS.contains(key)) {
            return value;
        }
        boolean ok = NUMBER_KEYS.contains(key) || key.startsWith("limit_") ? value.matches("[-+]?[0-9]{1,18}")
                : PRAGMA_VALUE.matcher(value).matches();
        if (!ok) {
            throw SqlState.INVALID_ARGUMENT.exception("invalid value for '" + key + "': '" + value + "'"
                    + (NUMBER_KEYS.contains(key) || key.startsWith("limit_") ? " (a whole number is expected)" : ""));
        }
        return value;
    }

    private static void bool(Map<Property, String> values, Property p) throws SQLException {
        String v = values.get(p);
        if (!v.equals("true") && !v.equals("false")) {
            throw SqlState.CANNOT_CONNECT.exception("'" + p.key() + "' must be true or false, not '" + v + "'");
        }
    }

    private static String decode(String s, String url) throws SQLException {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw SqlState.CANNOT_CONNECT.exception("malformed URL '" + url + "': " + e.getMessage(), e);
        }
    }
}
