package io.cinch.server;

import java.time.Duration;

/** What a server allows: open connections, open statements, idle time, request size; and whether it logs SQL. */
record Limits(int connections, int statements, Duration idleTimeout, int requestBytes, boolean logStatements) {
}
