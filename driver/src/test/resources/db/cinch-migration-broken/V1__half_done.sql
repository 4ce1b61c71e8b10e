-- The second statement fails: the first one, a schema change, has already committed for the whole branch.
CREATE TABLE half_done (id INTEGER PRIMARY KEY);
INSERT INTO no_such_table VALUES (1);
