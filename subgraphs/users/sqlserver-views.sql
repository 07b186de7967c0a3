-- The reporter register as this subgraph uses it on SQL Server, one object per table of
-- database.ts, same names, columns and types. Unlike the other subgraphs this one also WRITES:
-- the administration mutations insert and update rolltilldelning, rolltilldelning_omrade and
-- anvandare, and append to rolltilldelning_andring, so these must be tables (or updatable
-- views) in the reporter register's own database. Keys and the indexes the queries need are listed.

-- Användare. Key: id. Exactly one of personnummer (12 digits) and hsa_id is normally set; each is unique.
CREATE TABLE dbo.anvandare (
  id varchar(20) NOT NULL PRIMARY KEY,
  namn nvarchar(200) NOT NULL,
  epost nvarchar(200) NOT NULL,
  personnummer varchar(12) NULL,
  hsa_id varchar(64) NULL
);
CREATE UNIQUE INDEX anvandare_personnummer ON dbo.anvandare (personnummer) WHERE personnummer IS NOT NULL;
CREATE UNIQUE INDEX anvandare_hsa_id ON dbo.anvandare (hsa_id) WHERE hsa_id IS NOT NULL;
CREATE INDEX anvandare_namn ON dbo.anvandare (namn, id);
GO

-- Role assignments. Key: id. roll as the schema's Roll enum; namnd_id NULL for IVO staff;
-- version rises by one with every change (optimistic concurrency).
CREATE TABLE dbo.rolltilldelning (
  id varchar(20) NOT NULL PRIMARY KEY,
  anvandare_id varchar(20) NOT NULL REFERENCES dbo.anvandare (id),
  roll varchar(40) NOT NULL,
  namnd_id varchar(20) NULL,
  giltig_fran date NOT NULL,
  giltig_till date NULL,
  version int NOT NULL DEFAULT 1
);
CREATE INDEX rolltilldelning_anvandare ON dbo.rolltilldelning (anvandare_id);
CREATE INDEX rolltilldelning_namnd ON dbo.rolltilldelning (namnd_id, roll, anvandare_id);
GO

-- The areas of each assignment. Key: (rolltilldelning_id, verksamhetsomrade).
CREATE TABLE dbo.rolltilldelning_omrade (
  rolltilldelning_id varchar(20) NOT NULL REFERENCES dbo.rolltilldelning (id),
  verksamhetsomrade varchar(30) NOT NULL,
  PRIMARY KEY (rolltilldelning_id, verksamhetsomrade)
);
GO

-- The areas each committee reports for, as the reporter register keeps them. Read only; may be
-- a view over the committee register. Key: (namnd_id, verksamhetsomrade).
CREATE VIEW dbo.namnd_omrade AS
SELECT CAST(NULL AS varchar(20)) AS namnd_id, CAST(NULL AS varchar(30)) AS verksamhetsomrade
WHERE 1 = 0;
GO

-- Append-only log of changes made through the graph. The application never updates or deletes;
-- deny UPDATE and DELETE on it to the graph's database user.
CREATE TABLE dbo.rolltilldelning_andring (
  id int IDENTITY(1, 1) NOT NULL PRIMARY KEY,
  tidpunkt varchar(30) NOT NULL,
  utford_av varchar(20) NULL,
  utford_av_roller nvarchar(max) NOT NULL,
  request_id varchar(128) NOT NULL,
  andring varchar(10) NOT NULL,
  rolltilldelning_id varchar(20) NOT NULL,
  fore nvarchar(max) NULL,
  efter nvarchar(max) NOT NULL
);
CREATE INDEX rolltilldelning_andring_rolltilldelning ON dbo.rolltilldelning_andring (rolltilldelning_id, id);
GO
