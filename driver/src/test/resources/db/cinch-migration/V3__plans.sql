-- Data, unlike schema, belongs to the tenant the migration runs on.
CREATE TABLE plans (name TEXT PRIMARY KEY, price INTEGER NOT NULL);
INSERT INTO plans(name, price) VALUES ('free', 0), ('pro', 20);
