package io.cinch.jdbc;

import java.sql.DriverPropertyInfo;

/** The connection properties cinch knows, with their defaults and descriptions: one source for code and docs. */
public enum Property {
    DATABASE("database", "main", "Database of the project to open; unknown -> 08001."),
    BRANCH("branch", "main", "Branch of the database; unknown -> 3D000."),
    TENANT("tenant", "main", "Tenant whose file the connection reads and writes; unknown -> 3F000; '*' opens the "
            + "read-only cross-tenant connection."),
    CREATE("create", "true", "Create the project directory (with database main and this URL's database) if missing; "
            + "false -> 08001 when missing."),
    LOCK_TENANT("lock_tenant", "false", "true: the connection can never reach another tenant (setSchema, "
            + "cinch.switch_tenant and tenant-qualified names -> 42501).");

    private final String key;
    private final String defaultValue;
    private final String description;

    Property(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** The key as written in URLs and Properties. */
    public String key() {
        return key;
    }

    /** The value when none is given. */
    public String defaultValue() {
        return defaultValue;
    }

    /** The property by key, or null when cinch does not know it. */
    public static Property of(String key) {
        for (Property p : values()) {
            if (p.key.equals(key)) {
                return p;
            }
        }
        return null;
    }

    /** The property as {@code Driver.getPropertyInfo} reports it, with its current value. */
    DriverPropertyInfo info(String value) {
        DriverPropertyInfo info = new DriverPropertyInfo(key, value == null ? defaultValue : value);
        info.description = description;
        info.required = false;
        if (this == CREATE || this == LOCK_TENANT) {
            info.choices = new String[] {"true", "false"};
        }
        return info;
    }
}
