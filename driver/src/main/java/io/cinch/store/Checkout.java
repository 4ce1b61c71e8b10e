package io.cinch.store;

import io.cinch.sql.SqlState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The database and branch a project is checked out on, as git remembers a checkout: kept in {@code cinch.checkout}
 * for the {@code cinch} command; connection URLs never read it (their defaults stay {@code main}).
 */
public record Checkout(String database, String branch) {

    /** A fresh project's checkout. */
    public static final Checkout MAIN = new Checkout("main", "main");

    /** The checkout of the project in {@code root}, {@link #MAIN} if none was written; names are validated. */
    public static Checkout read(Path root) throws SQLException {
        Properties p = new Properties();
        try {
            p.load(new java.io.StringReader(Files.readString(new Layout(root).checkout(), StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            return MAIN;
        } catch (IOException e) {
            throw SqlState.IO_ERROR.exception("cannot read the checkout of " + root + ": " + e.getMessage(), e);
        }
        return new Checkout(Names.check("database", p.getProperty("database", "main")),
                Names.check("branch", p.getProperty("branch", "main")));
    }

    /** Writes this checkout into the project in {@code root}, atomically; names are validated first. */
    public void write(Path root) throws SQLException {
        Names.check("database", database);
        Names.check("branch", branch);
        Path file = new Layout(root).checkout();
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(temporary, "database=" + database + "\nbranch=" + branch + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw SqlState.IO_ERROR.exception("cannot write the checkout of " + root + ": " + e.getMessage(), e);
        }
    }
}
