-- Reports look up the programmes that run a scheme (EXISTS per organisation) without reading the pathways of others.
CREATE INDEX ix_pathways_pathway_organisation_id_scheme ON pathways_pathway (organisation_id, scheme);
