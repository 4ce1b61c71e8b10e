package io.cinch.cli;

/**
 * Whether stdout and stderr are terminals: the launcher script tells ({@code -Dcinch.tty.stdout}, {@code
 * -Dcinch.tty.stderr}), otherwise a console means both are.
 */
final class Terminal {

    private Terminal() {
    }

    static boolean stdout() {
        return is("cinch.tty.stdout");
    }

    static boolean stderr() {
        return is("cinch.tty.stderr");
    }

    private static boolean is(String property) {
        String told = System.getProperty(property);
        return told != null ? Boolean.parseBoolean(told) : System.console() != null;
    }
}
