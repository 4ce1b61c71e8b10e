package io.cinch.procedures;

import io.cinch.sql.SqlState;
import io.cinch.sql.SqlStatement;
import io.cinch.sql.Token;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A parsed {@code CALL cinch.name(arg, ...)} (bare or as a JDBC {@code {call ...}} escape): the procedure and its
 * arguments, each a literal or a {@code ?} parameter to be bound at execution.
 */
public record ProcedureCall(Procedure procedure, List<Object> arguments, int parameterCount) {

    /** Marks an argument that is the n-th (0-based) {@code ?} parameter. */
    record Parameter(int index) {
    }

    /** Parses a CALL statement. */
    public static ProcedureCall parse(SqlStatement statement) throws SQLException {
        List<Token> t = statement.tokens();
        int i = 0;
        boolean escape = t.get(0).isSymbol("{");
        if (escape) {
            i++;
        }
        if (i >= t.size() || !t.get(i).is("call")) {
            throw syntax(statement, "expected CALL");
        }
        i++;
        if (i + 2 >= t.size() || !t.get(i).isName() || !t.get(i).name().equals("cinch") || !t.get(i + 1).isSymbol(".")
                || !t.get(i + 2).isName()) {
            throw syntax(statement, "procedures are called as cinch.<name>(...)");
        }
        String name = t.get(i + 2).name();
        Procedure procedure = Procedure.of(name);
        if (procedure == null) {
            throw SqlState.SYNTAX_ERROR.exception("unknown procedure cinch." + name + "; known: " + Procedure.names());
        }
        i += 3;
        List<Object> args = new ArrayList<>();
        int parameters = 0;
        if (i < t.size() && t.get(i).isSymbol("(")) {
            i++;
            while (i < t.size() && !t.get(i).isSymbol(")")) {
                Token a = t.get(i);
                boolean negative = a.isSymbol("-") && i + 1 < t.size() && t.get(i + 1).kind() == Token.Kind.NUMBER;
                if (negative) {
                    a = t.get(++i);
                }
                args.add(switch (a.kind()) {
                    case STRING -> a.value();
                    case NUMBER -> number((negative ? "-" : "") + a.value(), statement);
                    case PARAMETER -> new Parameter(parameters++);
                    case WORD -> switch (a.value()) {
                        case "null" -> null;
                        case "true" -> Boolean.TRUE;
                        case "false" -> Boolean.FALSE;
                        default -> throw syntax(statement, "arguments are literals or ?, not " + a.value());
                    };
                    default -> throw syntax(statement, "arguments are literals or ?, not " + a.value());
                });
                i++;
                if (i < t.size() && t.get(i).isSymbol(",")) {
                    i++;
                } else if (i < t.size() && !t.get(i).isSymbol(")")) {
                    throw syntax(statement, "expected , or ) after argument " + args.size());
                }
            }
            if (i >= t.size()) {
                throw syntax(statement, "missing )");
            }
            i++;
        }
        if (escape) {
            if (i >= t.size() || !t.get(i).isSymbol("}")) {
                throw syntax(statement, "missing }");
            }
            i++;
        }
        if (i != t.size()) {
            throw syntax(statement, "unexpected text after the call");
        }
        if (args.size() < procedure.minArgs() || args.size() > procedure.maxArgs()) {
            throw SqlState.SYNTAX_ERROR.exception("cinch." + name + " takes " + procedure.signature() + ", not "
                    + args.size() + " argument" + (args.size() == 1 ? "" : "s"));
        }
        return new ProcedureCall(procedure, Collections.unmodifiableList(args), parameters);
    }

    /** The arguments with parameters replaced by their bound values. */
    public Args bind(List<Object> parameters) throws SQLException {
        List<Object> values = new ArrayList<>(arguments.size());
        for (Object a : arguments) {
            if (a instanceof Parameter p) {
                if (p.index() >= parameters.size() || parameters.get(p.index()) == Unbound.VALUE) {
                    throw SqlState.PARAMETER_NOT_SET.exception("parameter " + (p.index() + 1) + " of cinch."
                            + procedure.sqlName() + " is not set");
                }
                values.add(parameters.get(p.index()));
            } else {
                values.add(a);
            }
        }
        return new Args(procedure.sqlName(), values);
    }

    /** Marks a parameter that was never set. */
    public enum Unbound { VALUE }

    private static Object number(String text, SqlStatement statement) throws SQLException {
        try {
            return text.contains(".") || text.contains("e") || text.contains("E") ? (Object) Double.parseDouble(text)
                    : (Object) Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw syntax(statement, "bad number " + text);
        }
    }

    private static SQLException syntax(SqlStatement statement, String why) {
        return SqlState.SYNTAX_ERROR.exception(why + ": " + statement.text());
    }
}
