-- Alternatives are rotas of their own (they can be published, changed and exported like any other),
-- remembering the rota they were made for and the weight profile that made them.
ALTER TABLE rotas ADD COLUMN alternative_of text REFERENCES rotas (id);
ALTER TABLE rotas ADD COLUMN profile text;

-- Why a re-solve's number of changes is or is not proven minimal, in words.
ALTER TABLE rota_versions ADD COLUMN minimal_reason text;
