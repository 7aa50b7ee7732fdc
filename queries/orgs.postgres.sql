-- Written by `npm run queries` from src/modules/orgs/orgs.queries.ts: do not edit.
-- The PostgreSQL statements each repository function runs, in order, on the example arguments there; values are bound to the placeholders and not shown.

-- orgs/org-repository.ts: upsertOrgs
select
  "code"
from
  "orgs"
where
  "code" in ($1);
insert into
  "orgs" (
    "code",
    "name",
    "level",
    "parent_code",
    "province_code",
    "city_code",
    "county_code",
    "township_code",
    "urban_rural"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8, $9)
on conflict ("code") do update
set
  "name" = "excluded"."name",
  "level" = "excluded"."level",
  "parent_code" = "excluded"."parent_code",
  "province_code" = "excluded"."province_code",
  "city_code" = "excluded"."city_code",
  "county_code" = "excluded"."county_code",
  "township_code" = "excluded"."township_code",
  "urban_rural" = coalesce("orgs"."urban_rural", "excluded"."urban_rural");

-- orgs/org-repository.ts: getOrg
select
  *
from
  "orgs"
where
  "code" = $1;

-- orgs/org-repository.ts: listChildren
select
  "o".*
from
  "orgs" as "o"
where
  "o"."parent_code" = $1
  and "o"."county_code" = $2
order by
  "o"."code";

-- orgs/org-repository.ts: listRoots
select
  "o".*
from
  "orgs" as "o"
where
  "o"."code" in ($1)
order by
  "o"."code";

-- orgs/org-repository.ts: listSubtree
select
  *
from
  "orgs"
where
  "code" = $1;
select
  "o".*
from
  "orgs" as "o"
where
  "o"."county_code" = $1
  and "o"."county_code" = $2
  and "o"."level" <= $3
order by
  "o"."code";

-- orgs/org-repository.ts: updateOrgResponsible
select
  "o"."code"
from
  "orgs" as "o"
where
  "o"."code" = $1
  and "o"."county_code" = $2;
update "orgs"
set
  "responsible_person" = $1,
  "contact_phone" = $2
where
  "code" = $3;
select
  *
from
  "orgs"
where
  "code" = $1;

-- orgs/population-repository.ts: upsertPopulation
select
  "o"."code"
from
  "orgs" as "o"
where
  "o"."code" in ($1)
  and "o"."county_code" = $2;
select
  "org_code",
  "year"
from
  "org_population"
where
  "org_code" in ($1)
  and "year" in ($2);
insert into
  "org_population" (
    "org_code",
    "year",
    "total",
    "age_0_6",
    "age_65_plus",
    "age_15_plus",
    "age_18_plus",
    "women_15_49",
    "live_births"
  )
values
  ($1, $2, $3, $4, $5, $6, $7, $8, $9)
on conflict ("org_code", "year") do update
set
  "total" = "excluded"."total",
  "age_0_6" = "excluded"."age_0_6",
  "age_65_plus" = "excluded"."age_65_plus",
  "age_15_plus" = "excluded"."age_15_plus",
  "age_18_plus" = "excluded"."age_18_plus",
  "women_15_49" = "excluded"."women_15_49",
  "live_births" = "excluded"."live_births";

-- orgs/population-repository.ts: populationOf
select
  "code",
  "level",
  "province_code",
  "city_code",
  "county_code",
  "township_code"
from
  "orgs"
where
  "code" = $1;
select
  count(*) as "n",
  sum("p"."total") as "total",
  sum("p"."age_0_6") as "age0to6",
  count("p"."age_0_6") as "age0to6N",
  sum("p"."age_65_plus") as "age65plus",
  count("p"."age_65_plus") as "age65plusN",
  sum("p"."age_15_plus") as "age15plus",
  count("p"."age_15_plus") as "age15plusN",
  sum("p"."age_18_plus") as "age18plus",
  count("p"."age_18_plus") as "age18plusN",
  sum("p"."women_15_49") as "women15to49",
  count("p"."women_15_49") as "women15to49N",
  sum("p"."live_births") as "liveBirths",
  count("p"."live_births") as "liveBirthsN"
from
  "org_population" as "p"
  inner join "orgs" as "o" on "o"."code" = "p"."org_code"
where
  "o"."level" = $1
  and "o"."code" = $2
  and "o"."county_code" = $3
  and "p"."year" = $4;
