// Drop one constraint.  Parameters: $name.
DROP CONSTRAINT $name IF EXISTS
