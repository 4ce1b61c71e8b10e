-- Two schema changes, then a statement that fails: Flyway rolls the migration back, and no tenant may keep any of it.
ALTER TABLE customers ADD COLUMN notes TEXT;
CREATE INDEX customers_by_notes ON customers(notes);
INSERT INTO no_such_table VALUES (1);
