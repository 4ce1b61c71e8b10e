package io.cinch.federation;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite type system with SQLite's semantics where they differ: AVG returns a floating-point value, and texts of
 * different lengths (as in a CASE) are VARCHAR, not CHAR padded with blanks.
 */
public final class FederationTypeSystem extends RelDataTypeSystemImpl {
    /** Named in the connection's {@code typeSystem} property as {@code FederationTypeSystem#INSTANCE}. */
    public static final FederationTypeSystem INSTANCE = new FederationTypeSystem();

    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying() {
        return true;
    }

    @Override
    public RelDataType deriveAvgAggType(RelDataTypeFactory factory, RelDataType argumentType) {
        return factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.DOUBLE), argumentType.isNullable());
    }
}
