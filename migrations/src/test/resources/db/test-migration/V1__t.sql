CREATE TABLE t (id integer PRIMARY KEY, note text NOT NULL);
