SHOW INDEXES YIELD name, properties WHERE name STARTS WITH "p" RETURN name
