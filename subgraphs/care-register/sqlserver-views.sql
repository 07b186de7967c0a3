-- The care register as this subgraph reads it on SQL Server: one view per table of
-- database.ts, same names, columns and types. IVO's database team defines each view over the
-- care register (omsorgsregistret in the register service); the subgraph only reads them.
-- Keys are listed per view. The indexes name what the subgraph's queries filter and sort on;
-- create them on the underlying tables, or as indexed views.

-- Huvudman: provider organisations. Key: id; organisationsnummer is unique.
-- huvudmannatyp is one of ENSKILD, KOMMUNAL, REGIONAL, STATLIG.
CREATE VIEW dbo.huvudman AS
SELECT CAST(NULL AS varchar(20)) AS id,
       CAST(NULL AS varchar(11)) AS organisationsnummer,  -- NNNNNN-NNNN; a sole trader's is a personnummer
       CAST(NULL AS nvarchar(200)) AS namn,
       CAST(NULL AS varchar(20)) AS huvudmannatyp
WHERE 1 = 0;
GO
-- Index needed: unique (organisationsnummer).

-- Verksamhet: operations under a permit. Key: id. tillstand_status is GALLANDE, ATERKALLAT or UPPHORT.
CREATE VIEW dbo.verksamhet AS
SELECT CAST(NULL AS varchar(20)) AS id,
       CAST(NULL AS varchar(20)) AS huvudman_id,
       CAST(NULL AS nvarchar(200)) AS namn,
       CAST(NULL AS date) AS tillstand_datum,             -- NULL when no permit is needed
       CAST(NULL AS nvarchar(500)) AS tillstand_omfattning,
       CAST(NULL AS varchar(20)) AS tillstand_status
WHERE 1 = 0;
GO
-- Index needed: (huvudman_id, id).

-- Tillsynsobjekt: supervised units. Key: id.
-- status: AKTIV, VILANDE, UPPHORD; kon: FLICKOR, POJKAR, ALLA; verksamhetstyp and
-- verksamhetsomrade as the schema's enums; skyddat_boende 1 for protected housing, else 0.
CREATE VIEW dbo.tillsynsobjekt AS
SELECT CAST(NULL AS varchar(20)) AS id,
       CAST(NULL AS varchar(20)) AS verksamhet_id,
       CAST(NULL AS varchar(20)) AS huvudman_id,
       CAST(NULL AS nvarchar(200)) AS namn,
       CAST(NULL AS varchar(40)) AS verksamhetstyp,
       CAST(NULL AS varchar(30)) AS verksamhetsomrade,
       CAST(NULL AS varchar(10)) AS status,
       CAST(NULL AS varchar(4)) AS kommun_kod,
       CAST(NULL AS varchar(2)) AS lan_kod,
       CAST(NULL AS nvarchar(200)) AS gatuadress,
       CAST(NULL AS varchar(5)) AS postnummer,
       CAST(NULL AS nvarchar(100)) AS postort,
       CAST(NULL AS varchar(30)) AS telefon,
       CAST(NULL AS nvarchar(200)) AS epost,
       CAST(NULL AS int) AS alder_fran,
       CAST(NULL AS int) AS alder_till,
       CAST(NULL AS varchar(10)) AS kon,
       CAST(NULL AS int) AS antal_platser,
       CAST(NULL AS date) AS tillstandsdatum,
       CAST(NULL AS bit) AS skyddat_boende,
       CAST(NULL AS varchar(30)) AS senast_andrad          -- ISO 8601 timestamp in UTC
WHERE 1 = 0;
GO
-- Indexes needed: (status, namn, id); (lan_kod, status, namn, id); (kommun_kod, status, namn, id);
-- (huvudman_id, namn, id); (verksamhet_id, namn, id). Name search uses LIKE with a leading
-- wildcard, which scans; the collation should be case-insensitive Swedish (Finnish_Swedish_CI_AS).

-- Target groups per unit. Key: (tillsynsobjekt_id, malgrupp).
CREATE VIEW dbo.tillsynsobjekt_malgrupp AS
SELECT CAST(NULL AS varchar(20)) AS tillsynsobjekt_id,
       CAST(NULL AS varchar(50)) AS malgrupp
WHERE 1 = 0;
GO
-- Index needed: (malgrupp, tillsynsobjekt_id).
