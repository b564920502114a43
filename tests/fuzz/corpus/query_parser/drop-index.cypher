DROP INDEX person_title IF EXISTS
