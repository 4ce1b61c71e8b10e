package io.cinch.federation;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/** Calcite type system with SQLite's AVG semantics: AVG always returns a floating-point value. */
public final class FederationTypeSystem extends RelDataTypeSystemImpl {
    /** Named in the connection's {@code typeSystem} property as {@code FederationTypeSystem#INSTANCE}. */
    public static final FederationTypeSystem INSTANCE = new FederationTypeSystem();

    @Override
    public RelDataType deriveAvgAggType(RelDataTypeFactory factory, RelDataType argumentType) {
        return factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.DOUBLE), argumentType.isNullable());
    }
}
