-- The committee register as this subgraph reads it on SQL Server: one view per table of
-- database.ts, same names, columns and types. IVO's database team defines each view over the
-- committee register (nämndregistret); the subgraph only reads them.
-- Keys are listed per view. The indexes name what the subgraph's queries filter and sort on;
-- create them on the underlying tables, or as indexed views.

-- Län: the 21 counties. Key: kod.
CREATE VIEW dbo.lan AS
SELECT CAST(NULL AS varchar(2)) AS kod,      -- SCB county code, two digits, leading zero kept
       CAST(NULL AS nvarchar(100)) AS namn   -- e.g. Västra Götalands län
WHERE 1 = 0;
GO

-- Kommun: the 290 municipalities. Key: kod. Queried by kod, and by lan_kod sorted by kod.
CREATE VIEW dbo.kommun AS
SELECT CAST(NULL AS varchar(4)) AS kod,      -- SCB municipality code, four digits
       CAST(NULL AS nvarchar(100)) AS namn,  -- short name, e.g. Göteborg
       CAST(NULL AS varchar(2)) AS lan_kod
WHERE 1 = 0;
GO
-- Index needed: (lan_kod, kod).

-- Nämnd: municipal committees. Key: id. Queried by id, and by kommun_kod sorted by id.
CREATE VIEW dbo.namnd AS
SELECT CAST(NULL AS varchar(20)) AS id,
       CAST(NULL AS nvarchar(200)) AS namn,
       CAST(NULL AS varchar(4)) AS kommun_kod
WHERE 1 = 0;
GO
-- Index needed: (kommun_kod, id).

-- The areas each committee is responsible for. Key: (namnd_id, verksamhetsomrade).
-- verksamhetsomrade is one of SOL_IFO, SOL_FUNKTIONSNEDSATTNING, LSS, SOL_ALDREOMSORG.
CREATE VIEW dbo.namnd_verksamhetsomrade AS
SELECT CAST(NULL AS varchar(20)) AS namnd_id,
       CAST(NULL AS varchar(30)) AS verksamhetsomrade
WHERE 1 = 0;
GO
-- Index needed: (verksamhetsomrade, namnd_id).
