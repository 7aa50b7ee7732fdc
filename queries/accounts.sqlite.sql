-- Written by `npm run queries` from src/modules/accounts/accounts.queries.ts: do not edit.
-- The SQLite statements each repository function runs, in order, on the example arguments there; values are bound to the placeholders and not shown.

-- accounts/users-repository.ts: insertUser
select
  "id"
from
  "users"
where
  "username" = ?;
insert into
  "users" (
    "username",
    "display_name",
    "org_code",
    "role",
    "password_hash",
    "must_change_password",
    "active",
    "failed_attempts",
    "locked_until",
    "created_at",
    "created_by",
    "password_changed_at"
  )
values
  (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
returning
  "id";
select
  "users"."id",
  "users"."username",
  "users"."display_name",
  "users"."org_code",
  "users"."role",
  "users"."active",
  "users"."must_change_password",
  "users"."locked_until",
  "users"."failed_attempts",
  "users"."created_at",
  "users"."created_by",
  "users"."password_hash"
from
  "users"
where
  "users"."id" = ?;

-- accounts/users-repository.ts: findUserByUsername
select
  "users"."id",
  "users"."username",
  "users"."display_name",
  "users"."org_code",
  "users"."role",
  "users"."active",
  "users"."must_change_password",
  "users"."locked_until",
  "users"."failed_attempts",
  "users"."created_at",
  "users"."created_by",
  "users"."password_hash"
from
  "users"
where
  "users"."username" = ?;

-- accounts/users-repository.ts: findUserById
select
  "users"."id",
  "users"."username",
  "users"."display_name",
  "users"."org_code",
  "users"."role",
  "users"."active",
  "users"."must_change_password",
  "users"."locked_until",
  "users"."failed_attempts",
  "users"."created_at",
  "users"."created_by",
  "users"."password_hash"
from
  "users"
where
  "users"."id" = ?;

-- accounts/users-repository.ts: listUsers
select
  "users"."id",
  "users"."username",
  "users"."display_name",
  "users"."org_code",
  "users"."role",
  "users"."active",
  "users"."must_change_password",
  "users"."locked_until",
  "users"."failed_attempts",
  "users"."created_at",
  "users"."created_by",
  "users"."password_hash"
from
  "users"
  inner join "orgs" as "o" on "o"."code" = "users"."org_code"
where
  "o"."county_code" = ?
order by
  "users"."username";

-- accounts/users-repository.ts: findUserInScope
select
  "users"."id",
  "users"."username",
  "users"."display_name",
  "users"."org_code",
  "users"."role",
  "users"."active",
  "users"."must_change_password",
  "users"."locked_until",
  "users"."failed_attempts",
  "users"."created_at",
  "users"."created_by",
  "users"."password_hash"
from
  "users"
  inner join "orgs" as "o" on "o"."code" = "users"."org_code"
where
  "users"."username" = ?
  and "o"."county_code" = ?;

-- accounts/users-repository.ts: holdsUsers
select
  "users"."id"
from
  "users"
  inner join "orgs" as "o" on "o"."code" = "users"."org_code"
where
  "o"."county_code" = ?
limit
  ?;

-- accounts/users-repository.ts: setUserActive
update "users"
set
  "active" = ?,
  "failed_attempts" = ?,
  "locked_until" = ?
where
  "id" = ?;

-- accounts/users-repository.ts: setUserPassword
update "users"
set
  "password_hash" = ?,
  "must_change_password" = ?,
  "password_changed_at" = ?,
  "failed_attempts" = ?,
  "locked_until" = ?
where
  "id" = ?;

-- accounts/users-repository.ts: updateUserProfile
update "users"
set
  "role" = ?,
  "org_code" = ?
where
  "id" = ?;

-- accounts/users-repository.ts: withoutHash
-- (no statement: drops the hash from a user read)

-- accounts/sessions-repository.ts: createSession
insert into
  "sessions" (
    "token_hash",
    "user_id",
    "csrf_token",
    "client_address",
    "created_at",
    "last_seen_at",
    "expires_at",
    "ended_at"
  )
values
  (?, ?, ?, ?, ?, ?, ?, ?);

-- accounts/sessions-repository.ts: findLiveSession
select
  "s"."token_hash",
  "s"."csrf_token",
  "s"."expires_at",
  "s"."last_seen_at",
  "u"."id" as "user_id",
  "u"."username",
  "u"."display_name",
  "u"."role",
  "u"."must_change_password",
  "o"."code" as "org_code",
  "o"."level" as "org_level",
  "o"."county_code" as "org_county_code"
from
  "sessions" as "s"
  inner join "users" as "u" on "u"."id" = "s"."user_id"
  inner join "orgs" as "o" on "o"."code" = "u"."org_code"
where
  "s"."token_hash" = ?
  and "s"."ended_at" is null
  and "s"."expires_at" > ?
  and "s"."last_seen_at" > ?
  and "u"."active" = ?;

-- accounts/sessions-repository.ts: touchSession
select
  "s"."token_hash",
  "s"."csrf_token",
  "s"."expires_at",
  "s"."last_seen_at",
  "u"."id" as "user_id",
  "u"."username",
  "u"."display_name",
  "u"."role",
  "u"."must_change_password",
  "o"."code" as "org_code",
  "o"."level" as "org_level",
  "o"."county_code" as "org_county_code"
from
  "sessions" as "s"
  inner join "users" as "u" on "u"."id" = "s"."user_id"
  inner join "orgs" as "o" on "o"."code" = "u"."org_code"
where
  "s"."token_hash" = ?
  and "s"."ended_at" is null
  and "s"."expires_at" > ?
  and "s"."last_seen_at" > ?
  and "u"."active" = ?;
update "sessions"
set
  "last_seen_at" = ?
where
  "token_hash" = ?;

-- accounts/sessions-repository.ts: endSession
update "sessions"
set
  "ended_at" = ?
where
  "token_hash" = ?
  and "ended_at" is null;

-- accounts/sessions-repository.ts: endSessionsOfUser
update "sessions"
set
  "ended_at" = ?
where
  "user_id" = ?
  and "ended_at" is null
  and "token_hash" != ?;

-- accounts/api-tokens-repository.ts: insertApiToken
insert into
  "api_tokens" (
    "name",
    "token_hash",
    "org_code",
    "role",
    "created_by_user_id",
    "created_by",
    "created_at",
    "expires_at",
    "revoked_at",
    "last_used_at"
  )
values
  (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
returning
  "id";
select
  "t"."id",
  "t"."name",
  "t"."role",
  "t"."org_code",
  "t"."created_by",
  "t"."created_at",
  "t"."expires_at",
  "t"."revoked_at",
  "t"."last_used_at"
from
  "api_tokens" as "t"
where
  "t"."id" = ?;

-- accounts/api-tokens-repository.ts: findLiveApiToken
select
  "t"."id",
  "t"."name",
  "t"."role",
  "t"."created_by_user_id",
  "t"."last_used_at",
  "o"."code" as "org_code",
  "o"."level" as "org_level",
  "o"."county_code" as "org_county_code"
from
  "api_tokens" as "t"
  inner join "orgs" as "o" on "o"."code" = "t"."org_code"
where
  "t"."token_hash" = ?
  and "t"."revoked_at" is null
  and "t"."expires_at" > ?;

-- accounts/api-tokens-repository.ts: touchApiToken
select
  "t"."id",
  "t"."name",
  "t"."role",
  "t"."created_by_user_id",
  "t"."last_used_at",
  "o"."code" as "org_code",
  "o"."level" as "org_level",
  "o"."county_code" as "org_county_code"
from
  "api_tokens" as "t"
  inner join "orgs" as "o" on "o"."code" = "t"."org_code"
where
  "t"."token_hash" = ?
  and "t"."revoked_at" is null
  and "t"."expires_at" > ?;
update "api_tokens"
set
  "last_used_at" = ?
where
  "id" = ?;

-- accounts/api-tokens-repository.ts: listApiTokens
select
  "t"."id",
  "t"."name",
  "t"."role",
  "t"."org_code",
  "t"."created_by",
  "t"."created_at",
  "t"."expires_at",
  "t"."revoked_at",
  "t"."last_used_at"
from
  "api_tokens" as "t"
  inner join "orgs" as "o" on "o"."code" = "t"."org_code"
where
  "o"."county_code" = ?
order by
  "t"."id" desc;

-- accounts/api-tokens-repository.ts: findApiTokenInScope
select
  "t"."id",
  "t"."name",
  "t"."role",
  "t"."org_code",
  "t"."created_by",
  "t"."created_at",
  "t"."expires_at",
  "t"."revoked_at",
  "t"."last_used_at"
from
  "api_tokens" as "t"
  inner join "orgs" as "o" on "o"."code" = "t"."org_code"
where
  "t"."id" = ?
  and "o"."county_code" = ?;

-- accounts/api-tokens-repository.ts: revokeApiToken
update "api_tokens"
set
  "revoked_at" = ?
where
  "id" = ?
  and "revoked_at" is null;
