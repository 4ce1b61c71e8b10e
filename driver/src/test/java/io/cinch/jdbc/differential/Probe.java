package io.cinch.jdbc.differential;

import java.sql.Connection;

/** The JDBC calls of one case, made on a connection and written to a transcript. */
@FunctionalInterface
interface Probe {
    void run(Connection c, Transcript t) throws Exception;
}
