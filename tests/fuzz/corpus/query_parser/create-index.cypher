CREATE INDEX person_title IF NOT EXISTS FOR (p:Person) ON (p.title_en, p.name)
