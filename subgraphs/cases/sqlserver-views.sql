-- The case system as this subgraph reads it on SQL Server: one view per table of database.ts,
-- same names, columns and types. IVO's database team defines each view over Public 360 and the
-- e-service platform (EVB reports); the subgraph only reads them. The bodies below only fix
-- the contract's shape. Keys are listed per view. The indexes name what the subgraph's queries
-- filter and sort on; create them on the underlying tables, or as indexed views.

-- IVO's classification scheme and the case type each code maps to. Key: kod.
-- arendetyp is TILLSTAND, TILLSYN or UPPLYSNING.
CREATE VIEW dbo.klassificering AS
SELECT CAST(NULL AS varchar(20)) AS kod, CAST(NULL AS nvarchar(200)) AS namn, CAST(NULL AS varchar(20)) AS arendetyp
WHERE 1 = 0;
GO

-- Settings kept as data. Key: nyckel. Must hold kopplingsgrans: the first date (YYYY-MM-DD)
-- of cases linked to units, today 2019-11-01.
CREATE VIEW dbo.installning AS
SELECT CAST(NULL AS varchar(50)) AS nyckel, CAST(NULL AS varchar(200)) AS varde
WHERE 1 = 0;
GO

-- Ärende: cases. Key: diarienummer. status is OPPET or AVSLUTAT; part_typ ORGANISATION or PERSON;
-- part_identitet an organisationsnummer, or a personnummer (12 digits) for a natural person.
CREATE VIEW dbo.arende AS
SELECT CAST(NULL AS varchar(30)) AS diarienummer,
       CAST(NULL AS varchar(20)) AS klassificering_kod,
       CAST(NULL AS varchar(30)) AS verksamhetsomrade,  -- the area of the unit the case concerns
       CAST(NULL AS nvarchar(500)) AS arendemening,
       CAST(NULL AS varchar(10)) AS status,
       CAST(NULL AS date) AS inkom,
       CAST(NULL AS date) AS avslutat,
       CAST(NULL AS nvarchar(200)) AS part_namn,
       CAST(NULL AS varchar(13)) AS part_identitet,
       CAST(NULL AS varchar(20)) AS part_typ
WHERE 1 = 0;
GO
-- Index needed: (diarienummer) with inkom, klassificering_kod and verksamhetsomrade included.

-- Links from cases to units. Key: diarienummer. metod is EXPLICIT (konfidens 1) or
-- NAMNMATCHNING (konfidens below 1).
CREATE VIEW dbo.arende_koppling AS
SELECT CAST(NULL AS varchar(30)) AS diarienummer,
       CAST(NULL AS varchar(20)) AS tillsynsobjekt_id,
       CAST(NULL AS varchar(20)) AS metod,
       CAST(NULL AS float) AS konfidens
WHERE 1 = 0;
GO
-- Index needed: (tillsynsobjekt_id, diarienummer).

-- Beslut: decisions. Key: id. beslutstyp as the schema's Beslutstyp enum.
CREATE VIEW dbo.beslut AS
SELECT CAST(NULL AS varchar(20)) AS id,
       CAST(NULL AS varchar(30)) AS diarienummer,
       CAST(NULL AS date) AS datum,
       CAST(NULL AS varchar(30)) AS beslutstyp,
       CAST(NULL AS nvarchar(1000)) AS sammanfattning
WHERE 1 = 0;
GO
-- Index needed: (diarienummer, datum, id).

-- EVB reports. Key: id. lagrum SOL or LSS; kon KVINNA or MAN; status EJ_VERKSTALLT, VERKSTALLT
-- or AVSLUTAT; rapporteringskvartal YYYY-Qn; pseudoidentitet ÅÅÅÅMMDD-T123.
CREATE VIEW dbo.ej_verkstallt_beslut AS
SELECT CAST(NULL AS varchar(20)) AS id,
       CAST(NULL AS varchar(20)) AS namnd_id,
       CAST(NULL AS varchar(3)) AS lagrum,
       CAST(NULL AS varchar(30)) AS verksamhetsomrade,
       CAST(NULL AS date) AS beslutsdatum,
       CAST(NULL AS nvarchar(200)) AS insats,
       CAST(NULL AS varchar(13)) AS pseudoidentitet,
       CAST(NULL AS varchar(6)) AS kon,
       CAST(NULL AS nvarchar(2000)) AS orsak,
       CAST(NULL AS varchar(7)) AS rapporteringskvartal,
       CAST(NULL AS varchar(20)) AS status,
       CAST(NULL AS date) AS verkstallt_datum,
       CAST(NULL AS date) AS avslutat_datum
WHERE 1 = 0;
GO
-- Index needed: (namnd_id, status, rapporteringskvartal, id).
