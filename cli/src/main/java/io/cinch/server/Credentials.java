package io.cinch.server;

import io.cinch.sql.SqlState;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The users of a server, read from a credentials file in the format of Jetty's {@code HashLoginService} (a
 * properties file), one user a line: {@code name: password, role} where the role is {@code admin},
 * {@code statistics} or {@code tenant:[DATABASE/]NAME}. Jetty checks the passwords (plain, {@code MD5:},
 * {@code CRYPT:} or {@code OBF:}) and lets in only users holding one of {@code roleNames}; this class knows the roles.
 */
record Credentials(Map<String, Role> roles, String[] roleNames) {

    /** Reads {@code file}; a user with no role, or with two, is refused (22023) so that no user gets a default. */
    static Credentials read(Path file) throws SQLException {
        Properties users = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            users.load(in);
        } catch (IOException e) {
            throw SqlState.IO_ERROR.exception("cannot read credentials file " + file + ": " + e.getMessage(), e);
        }
        Map<String, Role> roles = new HashMap<>();
        Set<String> names = new TreeSet<>();
        for (String user : users.stringPropertyNames()) {
            String[] fields = users.getProperty(user).split(",");
            Role role = null;
            for (int i = 1; i < fields.length; i++) {
                Role one = Role.parse(fields[i].strip());
                if (one != null && role != null) {
                    throw bad(file, user, "has more than one role");
                } else if (one != null) {
                    names.add(fields[i].strip());
                }
                role = one != null ? one : role;
            }
            if (role == null) {
                throw bad(file, user, "has no role: write 'name: password, admin|statistics|tenant:[database/]name'");
            }
            roles.put(user, role);
        }
        return new Credentials(Map.copyOf(roles), names.toArray(String[]::new));
    }

    private static SQLException bad(Path file, String user, String what) {
        return SqlState.INVALID_ARGUMENT.exception(file + ": user '" + user + "' " + what);
    }

    /** The role of an authenticated user (28000 for a user not in the file). */
    Role role(String user) throws SQLException {
        Role role = user == null ? null : roles.get(user);
        if (role == null) {
            throw SqlState.AUTHENTICATION_FAILED.exception("not an authenticated user of this server");
        }
        return role;
    }
}
