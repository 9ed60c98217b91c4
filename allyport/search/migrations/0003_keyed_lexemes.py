"""PostgreSQL: every title and body lexeme keyed by the row's company and kind
(`<company>.<kind>.<lexeme>`, company 0 for the content every member sees), in a
stored tsvector with its own GIN index. A search then reads only the posting lists
of the member's company and kinds, whatever the size of the other tenants: a word
found in half of all documents, or a short prefix, costs what it costs in the
company's own rows. `document` stays for ranking (ts_rank) and loses its index."""

from django.db import migrations

KEYED = """CREATE FUNCTION search_keyed(company bigint, kind text, title text, body text)
    RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT array_to_tsvector(ARRAY(
            SELECT coalesce(company, 0) || '.' || kind || '.' || lexeme
            FROM unnest(to_tsvector('english', coalesce(title, '') || ' ' || coalesce(body, '')))
        ))
    $$"""
# A query of `to_tsquery('english', 'word:*AB & ...')` for one company's (and the
# shared content's) rows of one kind: each prefix lexeme 'w':*AB becomes
# ('<company>.<kind>.w':* | '0.<kind>.w':*). Typed words are \w+, so the quoted
# lexemes hold no quote.
SCOPED_QUERY = r"""CREATE FUNCTION search_scoped_query(words tsquery, company bigint, kind text)
    RETURNS tsquery LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT regexp_replace(words::text, '''([^'']+)'':\*[A-D]*',
            format('(''%s.%s.\1'':* | ''0.%s.\1'':*)', company, kind, kind), 'g')::tsquery
    $$"""
POSTGRES = [
    KEYED,
    SCOPED_QUERY,
    """ALTER TABLE search_searchentry ADD COLUMN keyed tsvector
        GENERATED ALWAYS AS (search_keyed(company_id, kind, title, body)) STORED""",
    "CREATE INDEX search_entry_keyed_gin ON search_searchentry USING gin (keyed)",
    "DROP INDEX IF EXISTS search_entry_document_gin",
]
POSTGRES_REVERSE = [
    "CREATE INDEX search_entry_document_gin ON search_searchentry USING gin (document)",
    "DROP INDEX IF EXISTS search_entry_keyed_gin",
    "ALTER TABLE search_searchentry DROP COLUMN IF EXISTS keyed",
    "DROP FUNCTION IF EXISTS search_scoped_query(tsquery, bigint, text)",
    "DROP FUNCTION IF EXISTS search_keyed(bigint, text, text, text)",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement, None)  # the % in format() is no placeholder

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0002_fulltext")]

    operations = [migrations.RunPython(_run(POSTGRES), _run(POSTGRES_REVERSE))]
