-- Issue 12: the "upper" role is gone. /setup gave it to a branch's own secretary on the base committee typed in,
-- so a secretary recognized their own branch. The committee keeps its branches; its real people join through its
-- invites, with the roles secretary and committee on it.
DELETE FROM "RoleGrant" WHERE "role" = 'upper';
