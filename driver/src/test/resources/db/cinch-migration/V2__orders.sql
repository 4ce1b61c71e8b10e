CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  amount INTEGER NOT NULL CHECK (amount > 0)
);
CREATE INDEX orders_by_customer ON orders(customer_id);
