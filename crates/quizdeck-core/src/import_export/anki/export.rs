//! Writing a deck as an `.apkg` package in the legacy layout (`collection.anki21`, schema
//! 11, JSON media map), which every Anki since 2.1 and AnkiDroid open.
//!
//! Basic cards become "Basic" notes (reversed ones "Basic (and reversed card)"), typed
//! answers "Basic (type in the answer)", clozes "Cloze"; multiple choice, true/false,
//! order and match cards become Basic notes whose front lists what is asked and whose
//! back gives the answer. Every note type has a "Note" field (the card's note and its
//! source); pictures go with the package. Note ids in Anki (`guid`) are made from the
//! deck and card ids, so importing a newer export updates the notes instead of doubling
//! them.

use super::super::{ImportExportError, Result};
use crate::deck::{CardKind, ClozeSegment, Deck};
use crate::text::{Text, strings};
use chrono::{DateTime, Utc};
use serde_json::json;
use std::io::Write;
use std::path::Path;

/// What [`export_apkg`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApkgSummary {
    /// Notes written.
    pub notes: usize,
    /// Anki cards those notes make.
    pub cards: usize,
    /// Pictures packed.
    pub pictures: usize,
    /// Bytes of the package.
    pub bytes: u64,
}

/// The note types written, by index: (name, fields, templates (name, front, back), cloze).
struct Model {
    id: i64,
    name: &'static str,
    fields: &'static [&'static str],
    templates: &'static [(&'static str, &'static str, &'static str)],
    cloze: bool,
}

const CSS: &str = ".card { font-family: arial; font-size: 20px; text-align: center; color: black; background-color: white; }\n.note { font-size: 15px; color: #555; margin-top: 1em; }\n.cloze { font-weight: bold; color: blue; }";

fn models(base: i64) -> [Model; 4] {
    [
        Model {
            id: base,
            name: "quizdeck Basic",
            fields: &["Front", "Back", "Note"],
            templates: &[(
                "Card 1",
                "{{Front}}",
                "{{FrontSide}}<hr id=answer>{{Back}}<div class=note>{{Note}}</div>",
            )],
            cloze: false,
        },
        Model {
            id: base + 1,
            name: "quizdeck Basic (and reversed card)",
            fields: &["Front", "Back", "Note"],
            templates: &[
                (
                    "Card 1",
                    "{{Front}}",
                    "{{FrontSide}}<hr id=answer>{{Back}}<div class=note>{{Note}}</div>",
                ),
                (
                    "Card 2",
                    "{{Back}}",
                    "{{FrontSide}}<hr id=answer>{{Front}}<div class=note>{{Note}}</div>",
                ),
            ],
            cloze: false,
        },
        Model {
            id: base + 2,
            name: "quizdeck Basic (type in the answer)",
            fields: &["Front", "Back", "Note"],
            templates: &[(
                "Card 1",
                "{{Front}}\n\n{{type:Back}}",
                "{{Front}}<hr id=answer>{{type:Back}}<div class=note>{{Note}}</div>",
            )],
            cloze: false,
        },
        Model {
            id: base + 3,
            name: "quizdeck Cloze",
            fields: &["Text", "Note"],
            templates: &[(
                "Cloze",
                "{{cloze:Text}}",
                "{{cloze:Text}}<div class=note>{{Note}}</div>",
            )],
            cloze: true,
        },
    ]
}

fn model_json(m: &Model, deck_id: i64, now_s: i64) -> serde_json::Value {
    json!({
        "id": m.id,
        "name": m.name,
        "type": if m.cloze { 1 } else { 0 },
        "mod": now_s,
        "usn": -1,
        "sortf": 0,
        "did": deck_id,
        "tmpls": m.templates.iter().enumerate().map(|(i, (name, q, a))| json!({
            "name": name, "ord": i, "qfmt": q, "afmt": a, "bqfmt": "", "bafmt": "",
            "did": null, "bfont": "", "bsize": 0,
        })).collect::<Vec<_>>(),
        "flds": m.fields.iter().enumerate().map(|(i, name)| json!({
            "name": name, "ord": i, "sticky": false, "rtl": false, "font": "Arial",
            "size": 20, "media": [],
        })).collect::<Vec<_>>(),
        "css": CSS,
        "latexPre": "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n",
        "latexPost": "\\end{document}",
        "latexsvg": false,
        "req": [[0, "any", [0]]],
        "tags": [],
        "vers": [],
    })
}

fn deck_json(id: i64, name: &str, desc: &str, now_s: i64) -> serde_json::Value {
    json!({
        "id": id, "name": name, "desc": desc, "mod": now_s, "usn": -1,
        "lrnToday": [0, 0], "revToday": [0, 0], "newToday": [0, 0], "timeToday": [0, 0],
        "collapsed": false, "browserCollapsed": false, "dyn": 0, "conf": 1,
        "extendNew": 0, "extendRev": 0,
    })
}

fn dconf_json(now_s: i64) -> serde_json::Value {
    json!({"1": {
        "id": 1, "name": "Default", "mod": now_s, "usn": 0, "maxTaken": 60, "autoplay": true,
        "timer": 0, "replayq": true, "dyn": false,
        "new": {"bury": false, "delays": [1.0, 10.0], "initialFactor": 2500,
                "ints": [1, 4, 0], "order": 1, "perDay": 20},
        "rev": {"bury": false, "ease4": 1.3, "ivlFct": 1.0, "maxIvl": 36500,
                "perDay": 200, "hardFactor": 1.2},
        "lapse": {"delays": [10.0], "leechAction": 1, "leechFails": 8, "minInt": 1, "mult": 0.0},
    }})
}

/// Text made safe for a field's HTML: `&`, `<`, `>` escaped, line breaks as `<br>`.
fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}

fn list(items: impl IntoIterator<Item = String>, ordered: bool) -> String {
    let tag = if ordered { "ol" } else { "ul" };
    let items: String = items
        .into_iter()
        .map(|i| format!("<li>{}</li>", html(&i)))
        .collect();
    format!("<{tag} style=\"text-align:left\">{items}</{tag}>")
}

/// Sort-field checksum as Anki computes it: the first 8 hex digits of the SHA-1 of the
/// field's text without HTML.
fn checksum(field: &str) -> i64 {
    let (text, _, _) = super::html_to_text(field);
    let digest = sha1_smol::Sha1::from(text.as_bytes()).digest().bytes();
    i64::from(u32::from_be_bytes([
        digest[0], digest[1], digest[2], digest[3],
    ]))
}

/// Writes `deck` (its pictures read from `deck_dir`, the deck file's folder) as an
/// `.apkg` package at `out`, atomically. `now` stamps the note and card ids.
pub fn export_apkg(
    deck: &Deck,
    deck_dir: Option<&Path>,
    out: &Path,
    now: DateTime<Utc>,
) -> Result<ApkgSummary> {
    let now_ms = now.timestamp_millis();
    let now_s = now.timestamp();
    let base = now_ms;
    let models = models(base);
    let anki_deck_id = base + 10;
    let io = crate::durable::io_err;
    let sql = |e: rusqlite::Error| ImportExportError::Write {
        what: "import-what-anki-collection",
        message: crate::message::Message::new("error-system").arg("error", e.to_string()),
    };

    // Pictures first: each file once, numbered as Anki's legacy media map wants.
    let mut media: Vec<(String, Vec<u8>)> = Vec::new();
    let mut media_name: std::collections::HashMap<String, String> = Default::default();
    for image in deck.cards.iter().filter_map(|c| c.image.as_deref()) {
        if media_name.contains_key(image) {
            continue;
        }
        // The deck's own file first; a map built into quizdeck (the bundled decks'
        // Locate cards, or a deck that names one without having it) otherwise.
        let path = deck_dir.map(|d| d.join(image));
        let builtin = crate::deck::bundled::picture_bytes(image)
            .filter(|_| path.as_ref().is_none_or(|p| !p.exists()));
        let bytes = match (builtin, &path) {
            (Some(b), _) => b.to_vec(),
            (None, None) => continue,
            (None, Some(path)) => {
                match crate::input::read_regular(path, crate::picture::MAX_FILE_BYTES)
                    .map_err(io("read", path))?
                {
                    Ok(b) => b,
                    Err(_) => continue,
                }
            }
        };
        // One flat folder in Anki: a name unique among the deck's pictures.
        let flat = image.replace(['/', '\\'], "_");
        media_name.insert(image.to_owned(), flat.clone());
        media.push((flat, bytes));
    }

    let dir = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let db_path = dir.join(format!(
        ".{}.collection-{}",
        out.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        std::process::id()
    ));
    let _ = std::fs::remove_file(&db_path);
    let result = (|| -> Result<(Vec<u8>, usize, usize)> {
        let conn = rusqlite::Connection::open(&db_path).map_err(sql)?;
        conn.execute_batch(SCHEMA).map_err(sql)?;
        let mut model_map = serde_json::Map::new();
        for m in &models {
            model_map.insert(m.id.to_string(), model_json(m, anki_deck_id, now_s));
        }
        let mut decks = serde_json::Map::new();
        decks.insert("1".into(), deck_json(1, "Default", "", now_s));
        decks.insert(
            anki_deck_id.to_string(),
            deck_json(anki_deck_id, &deck.title, &html(&deck.description), now_s),
        );
        let conf = json!({
            "nextPos": deck.cards.len() + 1, "estTimes": true, "activeDecks": [1],
            "sortType": "noteFld", "timeLim": 0, "sortBackwards": false, "addToCur": true,
            "curDeck": 1, "newBury": true, "newSpread": 0, "dueCounts": true,
            "curModel": base, "collapseTime": 1200,
        });
        conn.execute(
            "INSERT INTO col VALUES (1, ?1, ?2, ?2, 11, 0, 0, 0, ?3, ?4, ?5, ?6, '{}')",
            rusqlite::params![
                now_s - now_s.rem_euclid(86_400),
                now_ms,
                conf.to_string(),
                serde_json::Value::Object(model_map).to_string(),
                serde_json::Value::Object(decks).to_string(),
                dconf_json(now_s).to_string(),
            ],
        )
        .map_err(sql)?;
        let tx = conn.unchecked_transaction().map_err(sql)?;
        let (mut notes, mut cards) = (0usize, 0usize);
        let mut next_card_id = base + 1_000_000_000;
        {
            let mut add_note = tx
                .prepare("INSERT INTO notes VALUES (?1, ?2, ?3, ?4, -1, ?5, ?6, ?7, ?8, 0, '')")
                .map_err(sql)?;
            let mut add_card = tx
                .prepare(
                    "INSERT INTO cards VALUES (?1, ?2, ?3, ?4, ?5, -1, 0, 0, ?6, 0, 0, 0, 0, 0, 0, 0, 0, '')",
                )
                .map_err(sql)?;
            for (i, card) in deck.cards.iter().enumerate() {
                let picture = card
                    .image
                    .as_deref()
                    .and_then(|p| media_name.get(p))
                    .map(|n| format!("<br><img src=\"{}\">", html(n)))
                    .unwrap_or_default();
                let mut note = html(&card.note);
                if let Some(label) = deck.source_label(card) {
                    if !note.is_empty() {
                        note.push_str("<br>");
                    }
                    note.push_str(&format!("<i>Source: {}</i>", html(&label)));
                }
                let (model, fields, ords): (&Model, Vec<String>, Vec<u32>) = match &card.kind {
                    CardKind::Basic {
                        front,
                        back,
                        reverse,
                    } => (
                        &models[usize::from(*reverse)],
                        vec![html(front) + &picture, html(back), note],
                        if *reverse { vec![0, 1] } else { vec![0] },
                    ),
                    CardKind::TypeIn { question, answers } => (
                        &models[2],
                        vec![
                            html(question) + &picture,
                            html(answers.first().map(Text::as_str).unwrap_or("")),
                            note,
                        ],
                        vec![0],
                    ),
                    CardKind::Cloze(c) => {
                        let mut text = String::new();
                        for s in &c.segments {
                            match s {
                                ClozeSegment::Text(t) => text.push_str(&html(t)),
                                ClozeSegment::Gap(g) => {
                                    text.push_str(&format!(
                                        "{{{{c{}::{}",
                                        g.number,
                                        html(g.answers.first().map(Text::as_str).unwrap_or(""))
                                    ));
                                    if let Some(h) = &g.hint {
                                        text.push_str(&format!("::{}", html(h)));
                                    }
                                    text.push_str("}}");
                                }
                            }
                        }
                        (
                            &models[3],
                            vec![text + &picture, note],
                            c.numbers().iter().map(|n| n - 1).collect(),
                        )
                    }
                    CardKind::MultipleChoice {
                        question,
                        answer,
                        distractors,
                        ..
                    } => {
                        // The options in a fixed order of their own (by text), not the
                        // right one first.
                        let mut options: Vec<String> = std::iter::once(answer)
                            .chain(distractors)
                            .map(String::from)
                            .collect();
                        options.sort();
                        (
                            &models[0],
                            vec![
                                html(question) + &list(options, false) + &picture,
                                html(answer),
                                note,
                            ],
                            vec![0],
                        )
                    }
                    // Anki has no map question: the map with the question in front, the
                    // right place behind, the places offered listed.
                    CardKind::Locate {
                        prompt,
                        answer,
                        others,
                        ..
                    } => {
                        let mut places: Vec<String> = std::iter::once(answer.name.clone())
                            .chain(others.iter().map(|r| r.name.clone()))
                            .collect();
                        places.sort();
                        (
                            &models[0],
                            vec![
                                html(prompt) + &list(places, false) + &picture,
                                html(&answer.name),
                                note,
                            ],
                            vec![0],
                        )
                    }
                    CardKind::TrueFalse {
                        statement,
                        truth,
                        correction,
                    } => {
                        let mut back = if *truth { "True" } else { "False" }.to_owned();
                        if !correction.is_empty() {
                            back.push_str(&format!(": {correction}"));
                        }
                        (
                            &models[0],
                            vec![
                                format!("True or false?<br>{}{picture}", html(statement)),
                                html(&back),
                                note,
                            ],
                            vec![0],
                        )
                    }
                    CardKind::Order { prompt, items } => {
                        let mut shown = strings(items);
                        shown.sort();
                        (
                            &models[0],
                            vec![
                                html(prompt) + &list(shown, false) + &picture,
                                list(strings(items), true),
                                note,
                            ],
                            vec![0],
                        )
                    }
                    CardKind::Match { prompt, pairs } => {
                        let mut rights: Vec<String> =
                            pairs.iter().map(|p| p.1.to_string()).collect();
                        rights.sort();
                        let lefts: Vec<String> = pairs.iter().map(|p| p.0.to_string()).collect();
                        (
                            &models[0],
                            vec![
                                html(prompt)
                                    + &list(lefts, false)
                                    + &list(rights, false)
                                    + &picture,
                                list(pairs.iter().map(|(l, r)| format!("{l} — {r}")), false),
                                note,
                            ],
                            vec![0],
                        )
                    }
                };
                let nid = base + 1000 + (i as i64) * 10;
                let guid = format!(
                    "qd{:016x}",
                    xxhash_rust::xxh3::xxh3_64(format!("{}/{}", deck.id, card.id).as_bytes())
                );
                let tags = if card.tags.is_empty() {
                    String::new()
                } else {
                    format!(" {} ", card.tags.join(" "))
                };
                add_note
                    .execute(rusqlite::params![
                        nid,
                        guid,
                        model.id,
                        now_s,
                        tags,
                        fields.join("\u{1f}"),
                        fields[0],
                        checksum(&fields[0]),
                    ])
                    .map_err(sql)?;
                notes += 1;
                for ord in &ords {
                    next_card_id += 1;
                    add_card
                        .execute(rusqlite::params![
                            next_card_id,
                            nid,
                            anki_deck_id,
                            ord,
                            now_s,
                            i as i64 + 1,
                        ])
                        .map_err(sql)?;
                    cards += 1;
                }
            }
        }
        tx.commit().map_err(sql)?;
        conn.close().map_err(|(_, e)| sql(e))?;
        let bytes = std::fs::read(&db_path).map_err(io("read", &db_path))?;
        Ok((bytes, notes, cards))
    })();
    let _ = std::fs::remove_file(&db_path);
    let (collection, notes, cards) = result?;

    let zip_err = |e: zip::result::ZipError| ImportExportError::Write {
        what: "import-what-package",
        message: crate::message::Message::new("error-system").arg("error", e.to_string()),
    };
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("collection.anki21", opts).map_err(zip_err)?;
    zip.write_all(&collection).map_err(io("write", out))?;
    let mut map = serde_json::Map::new();
    for (i, (name, bytes)) in media.iter().enumerate() {
        map.insert(i.to_string(), json!(name));
        zip.start_file(i.to_string(), opts).map_err(zip_err)?;
        zip.write_all(bytes).map_err(io("write", out))?;
    }
    zip.start_file("media", opts).map_err(zip_err)?;
    zip.write_all(serde_json::Value::Object(map).to_string().as_bytes())
        .map_err(io("write", out))?;
    let bytes = zip.finish().map_err(zip_err)?.into_inner();
    super::super::write_atomic_bytes(out, &bytes)?;
    Ok(ApkgSummary {
        notes,
        cards,
        pictures: media.len(),
        bytes: bytes.len() as u64,
    })
}

/// The schema-11 tables of an Anki collection.
const SCHEMA: &str = "
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null,
  scm integer not null, ver integer not null, dty integer not null, usn integer not null,
  ls integer not null, conf text not null, models text not null, decks text not null,
  dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null,
  mod integer not null, usn integer not null, tags text not null, flds text not null,
  sfld integer not null, csum integer not null, flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null,
  ord integer not null, mod integer not null, usn integer not null, type integer not null,
  queue integer not null, due integer not null, ivl integer not null, factor integer not null,
  reps integer not null, lapses integer not null, left integer not null, odue integer not null,
  odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null,
  ease integer not null, ivl integer not null, lastIvl integer not null,
  factor integer not null, time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
";
