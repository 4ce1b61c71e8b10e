ALTER TABLE customers ADD COLUMN notes TEXT;
CREATE INDEX customers_by_notes ON customers(notes);
UPDATE customers SET notes = 'migrated';
