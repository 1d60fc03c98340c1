//! Reading the collection with SQLite (read-only, under a step budget): note types of
//! either schema, notes and the review log, odd shapes refused.

use super::*;

/// A note type as far as the import needs it.
#[derive(Debug, Clone, Default)]
pub(super) struct NoteType {
    pub(super) name: String,
    pub(super) cloze: bool,
    pub(super) fields: Vec<String>,
    /// Question and answer templates, in card order.
    pub(super) templates: Vec<(String, String)>,
}

impl NoteType {
    pub(super) fn field_index(&self, name: &str) -> Option<usize> {
        self.fields.iter().position(|f| f == name)
    }

    /// Field names a template refers to, in order (`{{Front}}`, `{{type:Back}}`,
    /// `{{cloze:Text}}`, `{{#Field}}`…), special fields left out.
    pub(super) fn refs(&self, template: &str) -> Vec<usize> {
        let mut out = Vec::new();
        let mut rest = template;
        while let Some(start) = rest.find("{{") {
            rest = &rest[start + 2..];
            let Some(end) = rest.find("}}") else { break };
            let inner = rest[..end].trim();
            rest = &rest[end + 2..];
            let name = inner
                .trim_start_matches(['#', '^', '/'])
                .rsplit(':')
                .next()
                .unwrap_or("")
                .trim();
            if let Some(i) = self.field_index(name)
                && !out.contains(&i)
            {
                out.push(i);
            }
        }
        out
    }

    pub(super) fn type_in(&self) -> bool {
        self.templates.iter().any(|(q, _)| q.contains("{{type:"))
    }
}

/// A collection's rows, read.
pub(super) struct Collection {
    pub(super) note_types: HashMap<i64, NoteType>,
    pub(super) decks: HashMap<i64, String>,
    pub(super) notes: Vec<NoteRow>,
    /// Card id → (note id, template ordinal, deck id).
    pub(super) cards: HashMap<i64, (i64, u32, i64)>,
    pub(super) revlog: Vec<(i64, i64, i64, i64, i64)>,
}

pub(super) struct NoteRow {
    pub(super) id: i64,
    pub(super) guid: String,
    pub(super) mid: i64,
    pub(super) tags: String,
    pub(super) fields: String,
}

fn sql_refused(package: &Path, e: rusqlite::Error) -> ImportExportError {
    let message = match &e {
        rusqlite::Error::SqliteFailure(f, _)
            if f.code == rusqlite::ErrorCode::OperationInterrupted =>
        {
            Message::new("anki-too-slow")
        }
        _ => Message::new("anki-not-anki-collection").arg("error", e.to_string()),
    };
    refused(package, message)
}

pub(super) fn read_collection(
    db_path: &Path,
    db_bytes: u64,
    package: &Path,
    latest: bool,
) -> Result<Collection> {
    let mut head = [0u8; 16];
    std::fs::File::open(db_path)
        .and_then(|mut f| f.read_exact(&mut head))
        .map_err(|_| refused(package, Message::new("anki-not-sqlite")))?;
    if &head != b"SQLite format 3\0" {
        return Err(refused(package, Message::new("anki-not-sqlite")));
    }
    use rusqlite::OpenFlags;
    let conn = rusqlite::Connection::open_with_flags(
        db_path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| sql_refused(package, e))?;
    let sql = |e| sql_refused(package, e);
    // No query may run away: a step budget in proportion to the file, checked every
    // thousand steps. Strings and blobs are capped, and nothing in the file's schema
    // (triggers, views, functions) is trusted.
    let budget = 100_000_000u64.saturating_add(db_bytes.saturating_mul(64)) / 1000;
    let mut steps = 0u64;
    conn.progress_handler(
        1000,
        Some(move || {
            steps += 1;
            steps > budget
        }),
    );
    conn.set_limit(rusqlite::limits::Limit::SQLITE_LIMIT_LENGTH, 32 << 20)
        .map_err(sql)?;
    conn.execute_batch(
        "PRAGMA trusted_schema = OFF; PRAGMA cell_size_check = ON; PRAGMA query_only = ON;",
    )
    .map_err(sql)?;

    // The tables read must be plain tables (a view could compute forever).
    let mut kinds: HashMap<String, String> = HashMap::new();
    {
        let mut st = conn
            .prepare("SELECT name, type, coalesce(sql, '') FROM sqlite_master LIMIT 10000")
            .map_err(sql)?;
        let rows = st
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })
            .map_err(sql)?;
        for row in rows {
            let (name, kind, text) = row.map_err(sql)?;
            let kind = if text.to_ascii_uppercase().contains("VIRTUAL") {
                "virtual table".to_owned()
            } else {
                kind
            };
            kinds.insert(name.to_ascii_lowercase(), kind);
        }
    }
    let schema18 = kinds.contains_key("notetypes");
    let mut needed = vec!["col", "notes", "cards"];
    if schema18 {
        needed.extend(["notetypes", "fields", "templates", "decks"]);
    }
    for t in needed {
        match kinds.get(t).map(String::as_str) {
            Some("table") => {}
            Some(other) => {
                return Err(refused(
                    package,
                    Message::new("anki-not-a-table")
                        .arg("name", t)
                        .arg("kind", other),
                ));
            }
            None => {
                return Err(refused(
                    package,
                    Message::new("anki-no-table").arg("name", t),
                ));
            }
        }
    }
    if latest && !schema18 {
        return Err(refused(package, Message::new("anki-old-shape")));
    }
    let has_revlog = kinds.get("revlog").is_some_and(|k| k == "table");

    let mut note_types = HashMap::new();
    let mut decks = HashMap::new();
    if schema18 {
        let mut st = conn
            .prepare("SELECT id, name, config FROM notetypes")
            .map_err(sql)?;
        let rows = st
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Vec<u8>>(2)?,
                ))
            })
            .map_err(sql)?;
        for row in rows {
            let (id, name, config) = row.map_err(sql)?;
            let cloze = protobuf_fields(&config)
                .unwrap_or_default()
                .iter()
                .any(|(f, v)| *f == 1 && matches!(v, Pb::Int(1)));
            note_types.insert(
                id,
                NoteType {
                    name,
                    cloze,
                    ..NoteType::default()
                },
            );
            if note_types.len() > 10_000 {
                return Err(refused(
                    package,
                    Message::new("anki-too-many-note-types").arg("max", 10_000),
                ));
            }
        }
        let mut st = conn
            .prepare("SELECT ntid, name FROM fields ORDER BY ntid, ord LIMIT 1000000")
            .map_err(sql)?;
        let rows = st
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
            .map_err(sql)?;
        for row in rows {
            let (ntid, name) = row.map_err(sql)?;
            if let Some(nt) = note_types.get_mut(&ntid) {
                nt.fields.push(name);
            }
        }
        let mut st = conn
            .prepare("SELECT ntid, config FROM templates ORDER BY ntid, ord LIMIT 1000000")
            .map_err(sql)?;
        let rows = st
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)))
            .map_err(sql)?;
        for row in rows {
            let (ntid, config) = row.map_err(sql)?;
            let (mut q, mut a) = (String::new(), String::new());
            for (f, v) in protobuf_fields(&config).unwrap_or_default() {
                if let Pb::Bytes(b) = v {
                    match f {
                        1 => q = String::from_utf8_lossy(b).into_owned(),
                        2 => a = String::from_utf8_lossy(b).into_owned(),
                        _ => {}
                    }
                }
            }
            if let Some(nt) = note_types.get_mut(&ntid) {
                nt.templates.push((q, a));
            }
        }
        let mut st = conn
            .prepare("SELECT id, name FROM decks LIMIT 100000")
            .map_err(sql)?;
        let rows = st
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
            .map_err(sql)?;
        for row in rows {
            let (id, name) = row.map_err(sql)?;
            decks.insert(id, name.replace('\u{1f}', "::"));
        }
    } else {
        let (models, deck_json): (String, String) = conn
            .query_row("SELECT models, decks FROM col LIMIT 1", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .map_err(sql)?;
        if models.len() > MAX_JSON_BYTES || deck_json.len() > MAX_JSON_BYTES {
            return Err(refused(package, Message::new("anki-json-too-large")));
        }
        let bad_json = |what: &'static str, e: serde_json::Error| {
            refused(package, Message::new(what).arg("error", e.to_string()))
        };
        let models: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(&models).map_err(|e| bad_json("anki-note-types-damaged", e))?;
        for (id, m) in models {
            let Ok(id) = id.parse::<i64>() else { continue };
            let text = |v: &serde_json::Value, k: &str| {
                v.get(k).and_then(|x| x.as_str()).unwrap_or("").to_owned()
            };
            let list = |k: &str| {
                m.get(k)
                    .and_then(|x| x.as_array())
                    .cloned()
                    .unwrap_or_default()
            };
            note_types.insert(
                id,
                NoteType {
                    name: text(&m, "name"),
                    cloze: m.get("type").and_then(|t| t.as_i64()) == Some(1),
                    fields: list("flds").iter().map(|f| text(f, "name")).collect(),
                    templates: list("tmpls")
                        .iter()
                        .map(|t| (text(t, "qfmt"), text(t, "afmt")))
                        .collect(),
                },
            );
        }
        let deck_map: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(&deck_json).map_err(|e| bad_json("anki-decks-damaged", e))?;
        for (id, d) in deck_map {
            if let (Ok(id), Some(name)) =
                (id.parse::<i64>(), d.get("name").and_then(|n| n.as_str()))
            {
                decks.insert(id, name.to_owned());
            }
        }
    }

    let mut notes = Vec::new();
    {
        let mut st = conn
            .prepare("SELECT id, guid, mid, tags, flds FROM notes ORDER BY id LIMIT ?1")
            .map_err(sql)?;
        let rows = st
            .query_map([MAX_NOTES as i64 + 1], |r| {
                Ok(NoteRow {
                    id: r.get(0)?,
                    guid: r.get(1)?,
                    mid: r.get(2)?,
                    tags: r.get(3)?,
                    fields: r.get(4)?,
                })
            })
            .map_err(sql)?;
        for row in rows {
            notes.push(row.map_err(sql)?);
            if notes.len() > MAX_NOTES {
                return Err(refused(
                    package,
                    Message::new("anki-too-many-notes").arg("max", MAX_NOTES),
                ));
            }
        }
    }
    let mut cards = HashMap::new();
    {
        let mut st = conn
            .prepare("SELECT id, nid, ord, did FROM cards LIMIT ?1")
            .map_err(sql)?;
        let rows = st
            .query_map([(MAX_NOTES * 20) as i64 + 1], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, i64>(3)?,
                ))
            })
            .map_err(sql)?;
        for row in rows {
            let (id, nid, ord, did) = row.map_err(sql)?;
            cards.insert(id, (nid, u32::try_from(ord).unwrap_or(u32::MAX), did));
            if cards.len() > MAX_NOTES * 20 {
                return Err(refused(package, Message::new("anki-too-many-cards")));
            }
        }
    }
    let mut revlog = Vec::new();
    if has_revlog {
        let max = crate::schedule::revlog::MAX_REVLOG_ROWS;
        let mut st = conn
            .prepare("SELECT id, cid, ease, time, type FROM revlog ORDER BY id LIMIT ?1")
            .map_err(sql)?;
        let rows = st
            .query_map([max as i64 + 1], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .map_err(sql)?;
        for row in rows {
            revlog.push(row.map_err(sql)?);
            if revlog.len() > max {
                return Err(refused(
                    package,
                    Message::new("anki-too-many-reviews").arg("max", max),
                ));
            }
        }
    }
    Ok(Collection {
        note_types,
        decks,
        notes,
        cards,
        revlog,
    })
}
