-- The PostgreSQL store: articles and the facts drawn from each.
--
-- Every fact row carries the exact JSON the API serves (`data`) next to the columns the list
-- filters and orderings use, so answers match the in-memory store's byte for byte. Ids and
-- names are compared in "C" collation: that is byte order, which is the order Rust's string
-- comparison gives. Lowercased search columns (`*_lc`) are written by the application with
-- Rust's own lowercasing, so a substring test here agrees with the shared filter code; the
-- trigram indexes serve those substring tests (see DESIGN.md on why not tsvector).
-- Every fact row belongs to one article and goes with it (ON DELETE CASCADE).

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE articles (
    id           text COLLATE "C" PRIMARY KEY,
    -- Hash of the text and date: the same article posted twice is stored once.
    content_key  text NOT NULL UNIQUE,
    title        text NOT NULL,
    source       text,
    published_at date NOT NULL,
    time_zone    text NOT NULL,
    body         text NOT NULL,
    people_count integer NOT NULL,
    quotes_count integer NOT NULL,
    events_count integer NOT NULL,
    stored_at    timestamptz NOT NULL DEFAULT now()
);
-- The article list order: newest first, then by id.
CREATE INDEX articles_newest_first ON articles (published_at DESC, id);

-- A person as one article names them; the API merges these rows per person_id.
CREATE TABLE people (
    article_id    text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    ord           integer NOT NULL,
    person_id     text COLLATE "C" NOT NULL,
    name          text COLLATE "C" NOT NULL,
    name_lc       text NOT NULL,
    roles_lc      text NOT NULL,
    mention_count bigint NOT NULL,
    data          jsonb NOT NULL,
    PRIMARY KEY (article_id, ord)
);
CREATE INDEX people_by_person ON people (person_id);
CREATE INDEX people_name_trgm ON people USING gin (name_lc gin_trgm_ops);
CREATE INDEX people_roles_trgm ON people USING gin (roles_lc gin_trgm_ops);

-- The other names an article gives a person (`Ms Doe`), for the people `q` filter.
CREATE TABLE aliases (
    article_id text COLLATE "C" NOT NULL,
    person_ord integer NOT NULL,
    n          integer NOT NULL,
    alias      text NOT NULL,
    alias_lc   text NOT NULL,
    PRIMARY KEY (article_id, person_ord, n),
    FOREIGN KEY (article_id, person_ord) REFERENCES people (article_id, ord) ON DELETE CASCADE
);
CREATE INDEX aliases_trgm ON aliases USING gin (alias_lc gin_trgm_ops);

-- Where an article mentions a person (the person's evidence).
CREATE TABLE mentions (
    article_id   text COLLATE "C" NOT NULL,
    person_ord   integer NOT NULL,
    n            integer NOT NULL,
    sentence     text NOT NULL,
    start_offset bigint NOT NULL,
    end_offset   bigint NOT NULL,
    PRIMARY KEY (article_id, person_ord, n),
    FOREIGN KEY (article_id, person_ord) REFERENCES people (article_id, ord) ON DELETE CASCADE
);

CREATE TABLE quotes (
    article_id text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    ord        integer NOT NULL,
    quote_id   text COLLATE "C" NOT NULL,
    speaker_id text COLLATE "C",
    kind       text NOT NULL,
    text_lc    text NOT NULL,
    data       jsonb NOT NULL,
    PRIMARY KEY (article_id, ord)
);
CREATE INDEX quotes_by_id ON quotes (quote_id);
CREATE INDEX quotes_by_speaker ON quotes (speaker_id);
CREATE INDEX quotes_text_trgm ON quotes USING gin (text_lc gin_trgm_ops);

-- `begins`/`ends` and the days are the span of the start (src/store/when.rs), NULL when the
-- event has no usable start; `zone` is the zone that start is read in.
CREATE TABLE events (
    article_id   text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    ord          integer NOT NULL,
    event_id     text COLLATE "C" NOT NULL,
    begins       timestamptz,
    ends         timestamptz,
    first_day    date,
    last_day     date,
    zone         text NOT NULL,
    first_offset bigint NOT NULL,
    place_lc     text,
    search_lc    text NOT NULL,
    data         jsonb NOT NULL,
    PRIMARY KEY (article_id, ord)
);
CREATE INDEX events_by_id ON events (event_id);
CREATE INDEX events_timeline ON events (begins, first_offset, article_id, event_id)
    WHERE begins IS NOT NULL;
CREATE INDEX events_place_trgm ON events USING gin (place_lc gin_trgm_ops);
CREATE INDEX events_search_trgm ON events USING gin (search_lc gin_trgm_ops);

CREATE TABLE participants (
    article_id text COLLATE "C" NOT NULL,
    event_ord  integer NOT NULL,
    person_id  text COLLATE "C" NOT NULL,
    PRIMARY KEY (article_id, event_ord, person_id),
    FOREIGN KEY (article_id, event_ord) REFERENCES events (article_id, ord) ON DELETE CASCADE
);
CREATE INDEX participants_by_person ON participants (person_id, article_id, event_ord);

-- Every time expression the extractor resolved in an article.
CREATE TABLE time_points (
    article_id text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    ord        integer NOT NULL,
    value      text NOT NULL,
    precision  text NOT NULL,
    data       jsonb NOT NULL,
    PRIMARY KEY (article_id, ord)
);
