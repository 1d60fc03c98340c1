//! Notes made into a checked deck: card ids, kinds by note type, pictures fetched from
//! the package, the report of what was skipped.

use super::collection::Collection;
use super::*;

/// A stable card id: the slug of the front and a short hash of the note's Anki id.
fn card_id(front: &str, guid: &str, suffix: &str) -> String {
    let base = crate::slug::slug(front, 40);
    let hash = xxhash_rust::xxh3::xxh3_64(guid.as_bytes());
    let short = format!("{:06x}", hash & 0xff_ffff);
    let mut id = if base.is_empty() {
        format!("card-{short}")
    } else {
        format!("{base}-{short}")
    };
    if !suffix.is_empty() {
        id.push('-');
        id.push_str(suffix);
    }
    id
}

/// The name a picture gets in the deck's folder: `media/<slug>.png`, unique.
fn picture_name(src: &str, taken: &mut HashSet<String>) -> String {
    let stem = src.rsplit_once('.').map(|(s, _)| s).unwrap_or(src);
    let base = match crate::slug::slug(stem, 48) {
        s if s.is_empty() => "picture".to_owned(),
        s => s,
    };
    let mut name = format!("media/{base}.png");
    let mut n = 2;
    while !taken.insert(name.clone()) {
        name = format!("media/{base}-{n}.png");
        n += 1;
    }
    name
}

pub(super) fn build(
    path: &Path,
    layout: Layout,
    col: Collection,
    archive: &mut zip::ZipArchive<std::io::BufReader<std::fs::File>>,
    opts: &AnkiOptions,
) -> Result<AnkiImport> {
    let mut report = AnkiReport {
        notes: col.notes.len(),
        ..AnkiReport::default()
    };
    // Each note's deck: the deck of its first card.
    let mut note_deck: HashMap<i64, (u32, i64)> = HashMap::new();
    for &(nid, ord, did) in col.cards.values() {
        let e = note_deck.entry(nid).or_insert((ord, did));
        if ord < e.0 {
            *e = (ord, did);
        }
    }
    let deck_of = |nid: i64| {
        note_deck
            .get(&nid)
            .and_then(|(_, did)| col.decks.get(did))
            .cloned()
            .unwrap_or_default()
    };
    // The title: the top-level deck most notes are in.
    let mut tops: HashMap<String, usize> = HashMap::new();
    for n in &col.notes {
        let d = deck_of(n.id);
        let top = d.split("::").next().unwrap_or("").to_owned();
        *tops.entry(top).or_default() += 1;
    }
    let top = tops
        .iter()
        .filter(|(name, _)| !name.is_empty())
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(n, _)| n.clone());
    let several_decks = col
        .notes
        .iter()
        .map(|n| note_deck.get(&n.id).map(|d| d.1))
        .collect::<HashSet<_>>()
        .len()
        > 1;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "Anki".into());
    let title = opts
        .title
        .clone()
        .or_else(|| top.filter(|t| t != "Default"))
        .unwrap_or(stem);
    let deck_id = opts.deck_id.clone().unwrap_or_else(|| slug(&title));
    crate::ids::check_id(&deck_id).map_err(|e| {
        refused(
            path,
            Message::new("check-bad-deck-id")
                .arg("id", deck_id.as_str())
                .arg("reason", e.message()),
        )
    })?;

    let media = media_map(archive, layout, path)?;
    let mut picture_names: HashSet<String> = HashSet::new();
    let mut pictures: Vec<(String, Vec<u8>)> = Vec::new();
    let mut picture_by_src: HashMap<String, Option<String>> = HashMap::new();
    let mut picture_bytes = 0u64;

    let mut cards: Vec<RawCard> = Vec::new();
    let mut ids: HashSet<String> = HashSet::new();
    let mut next_suffix: HashMap<String, u64> = HashMap::new();
    // (note id, template ordinal) → (card id, part)
    let mut items: HashMap<(i64, u32), (String, u32)> = HashMap::new();
    for note in &col.notes {
        if note.fields.len() > MAX_NOTE_BYTES {
            report.skip(
                Message::new("anki-note-too-long")
                    .arg("note", note.id.to_string())
                    .arg("size", note.fields.len() / 1024),
            );
            continue;
        }
        let Some(nt) = col.note_types.get(&note.mid) else {
            report.skip(Message::new("anki-note-no-type").arg("note", note.id.to_string()));
            continue;
        };
        let mut texts = Vec::new();
        let mut images = Vec::new();
        for f in note.fields.split('\u{1f}') {
            let (t, imgs, sounds) = html_to_text(f);
            report.sounds_dropped += sounds;
            texts.push(t);
            images.push(imgs);
        }
        let field = |i: usize| texts.get(i).cloned().unwrap_or_default();
        let (kind, front_i, back_i, parts): (RawKind, usize, Option<usize>, Vec<(u32, u32)>) =
            if nt.cloze {
                let t0 = nt.templates.first().map(|t| t.0.as_str()).unwrap_or("");
                let text_i = nt
                    .fields
                    .iter()
                    .position(|f| t0.contains(&format!("cloze:{f}}}")))
                    .unwrap_or(0);
                let text = field(text_i);
                let numbers = cloze_numbers(&text);
                if numbers.is_empty() {
                    report.skip(
                        Message::new("anki-note-no-gap")
                            .arg("note", note.id.to_string())
                            .arg("type", nt.name.as_str()),
                    );
                    continue;
                }
                let parts = numbers.iter().map(|&n| (n - 1, n)).collect();
                (RawKind::Cloze { text }, text_i, None, parts)
            } else {
                if nt.fields.len() < 2 || nt.templates.is_empty() {
                    report.skip(
                        Message::new("anki-note-few-fields")
                            .arg("note", note.id.to_string())
                            .arg("type", nt.name.as_str()),
                    );
                    continue;
                }
                let q_refs = nt.refs(&nt.templates[0].0);
                let front_i = q_refs.first().copied().unwrap_or(0);
                let back_i = nt
                    .refs(&nt.templates[0].1)
                    .into_iter()
                    .chain(q_refs.iter().copied())
                    .find(|&i| i != front_i)
                    .unwrap_or(if front_i == 0 { 1 } else { 0 });
                let front = field(front_i);
                let back = field(back_i);
                if nt.type_in() {
                    (
                        RawKind::TypeIn {
                            question: front,
                            answers: vec![back],
                        },
                        front_i,
                        Some(back_i),
                        vec![(0, 0)],
                    )
                } else {
                    let reverse = nt
                        .templates
                        .get(1)
                        .is_some_and(|(q, _)| nt.refs(q).first() == Some(&back_i));
                    let mut parts = vec![(0, 0)];
                    if reverse {
                        parts.push((1, 1));
                    }
                    (
                        RawKind::Basic {
                            front,
                            back,
                            reverse,
                        },
                        front_i,
                        Some(back_i),
                        parts,
                    )
                }
            };
        let mut kind = kind;
        let picture_src = std::iter::once(front_i)
            .chain(back_i)
            .chain(0..images.len())
            .find_map(|i| images.get(i).and_then(|v| v.first()).cloned());
        // A side that is only a picture still needs words.
        match &mut kind {
            RawKind::Basic { front, back, .. } => {
                if front.is_empty() && picture_src.is_some() {
                    *front = "What does the picture show?".into();
                }
                if back.is_empty() && picture_src.is_some() {
                    *back = "(see the picture)".into();
                }
            }
            RawKind::TypeIn { question, .. } if question.is_empty() && picture_src.is_some() => {
                *question = "What does the picture show?".into();
            }
            _ => {}
        }
        let empty = match &kind {
            RawKind::Basic { front, back, .. } => front.is_empty() || back.is_empty(),
            RawKind::TypeIn {
                question, answers, ..
            } => question.is_empty() || answers.iter().all(String::is_empty),
            _ => false,
        };
        if empty {
            report.skip(
                Message::new("anki-note-empty")
                    .arg("note", note.id.to_string())
                    .arg("type", nt.name.as_str()),
            );
            continue;
        }
        // Other fields go into the note, with their names.
        let mut note_lines = Vec::new();
        for (i, t) in texts.iter().enumerate() {
            if i == front_i || Some(i) == back_i || t.is_empty() {
                continue;
            }
            let name = nt.fields.get(i).map(String::as_str).unwrap_or("");
            if nt.cloze
                && (name.eq_ignore_ascii_case("back extra") || name.eq_ignore_ascii_case("extra"))
            {
                note_lines.push(t.clone());
            } else {
                note_lines.push(format!("{name}: {t}"));
            }
        }
        let image = match picture_src {
            Some(src) => {
                let known = picture_by_src.get(&src).cloned();
                match known {
                    Some(v) => v,
                    None => {
                        let got = fetch_picture(archive, layout, &media, &src, &mut picture_bytes);
                        let v = match got {
                            Ok((bytes, converted)) => {
                                let name = picture_name(&src, &mut picture_names);
                                pictures.push((name.clone(), bytes));
                                report.pictures += 1;
                                if converted.is_some() {
                                    report.pictures_converted += 1;
                                }
                                Some(name)
                            }
                            Err(reason) => {
                                report.drop_picture(
                                    Message::new("anki-picture-left-out")
                                        .arg("file", src.as_str())
                                        .arg("reason", reason),
                                );
                                None
                            }
                        };
                        picture_by_src.insert(src, v.clone());
                        v
                    }
                }
            }
            None => None,
        };
        let id_text = match &kind {
            RawKind::Cloze { text } => crate::deck::Cloze::parse(text)
                .map(|c| c.full_text())
                .unwrap_or_else(|_| text.clone()),
            _ => field(front_i),
        };
        let first = card_id(&id_text, &note.guid, "");
        let mut id = first.clone();
        // The next suffix per id: notes with one front and one Anki id cost one try each.
        let n = next_suffix.entry(first.clone()).or_insert(2u64);
        while ids.contains(&id) {
            id = card_id(&id_text, &note.guid, &n.to_string());
            *n += 1;
        }
        ids.insert(id.clone());
        let mut tags: Vec<String> = note
            .tags
            .split_whitespace()
            .filter_map(|t| {
                let s = crate::slug::slug(&t.replace("::", " "), 40);
                (!s.is_empty()).then_some(s)
            })
            .collect();
        if several_decks {
            let d = deck_of(note.id);
            if let Some(leaf) = d.rsplit("::").next() {
                let s = crate::slug::slug(leaf, 40);
                if !s.is_empty() && !tags.contains(&s) {
                    tags.push(s);
                }
            }
        }
        tags.sort();
        tags.dedup();
        for (ord, part) in parts {
            items.insert((note.id, ord), (id.clone(), part));
        }
        cards.push(RawCard {
            id,
            tags,
            source: None,
            note: note_lines.join("\n"),
            image: image.unwrap_or_default(),
            kind,
        });
    }
    report.cards = cards.len();
    if cards.is_empty() {
        return Err(refused(
            path,
            match report.skipped.first() {
                Some(first) => Message::new("anki-no-card-made").arg("first", first),
                None => Message::new("anki-no-notes"),
            },
        ));
    }

    let raw = RawDeck {
        // The lowest format that holds the cards, so an older quizdeck reads the deck.
        format: format_for(&cards),
        id: deck_id.clone(),
        title,
        description: format!(
            "Imported from the Anki package {}.",
            path.file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default()
        ),
        language: "en".into(),
        authors: Vec::new(),
        version: 1,
        sources: BTreeMap::new(),
        cards,
    };
    // Pictures were checked when read; the deck is checked as its file would be.
    let deck = super::super::checked_deck(&raw, path)?;

    // The review log, on the imported items.
    let deck_key = DeckId::new(&deck_id);
    let mut reviews = Vec::new();
    for &(id, cid, ease, time, kind) in &col.revlog {
        let item = col
            .cards
            .get(&cid)
            .and_then(|&(nid, ord, _)| items.get(&(nid, ord)));
        let rating = match ease {
            1 => Some(Rating::Again),
            2 => Some(Rating::Hard),
            3 => Some(Rating::Good),
            4 => Some(Rating::Easy),
            _ => None,
        };
        let at = DateTime::<Utc>::from_timestamp_millis(id);
        match (item, rating, at, (0..=3).contains(&kind)) {
            (Some((card, part)), Some(rating), Some(at), true) => reviews.push(AnkiReview {
                key: ItemKey::new(deck_key.clone(), card.clone(), *part),
                rating,
                at,
                duration_ms: u32::try_from(time.max(0)).unwrap_or(u32::MAX),
            }),
            _ => report.reviews_skipped += 1,
        }
    }
    reviews.sort_by_key(|r| r.at);
    report.reviews = reviews.len();
    Ok(AnkiImport {
        layout,
        deck,
        pictures,
        reviews,
        report,
    })
}

/// The gap numbers of an Anki cloze text, sorted, without repeats.
fn cloze_numbers(text: &str) -> Vec<u32> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("{{c") {
        rest = &rest[i + 3..];
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        if rest[digits.len()..].starts_with("::")
            && let Ok(n) = digits.parse::<u32>()
            && n > 0
        {
            out.push(n);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Reads one picture from the package within the picture limits: a PNG as it is, a JPEG
/// or GIF converted to PNG (the format converted from is returned).
fn fetch_picture(
    archive: &mut zip::ZipArchive<std::io::BufReader<std::fs::File>>,
    layout: Layout,
    media: &HashMap<String, String>,
    src: &str,
    total: &mut u64,
) -> std::result::Result<(Vec<u8>, Option<&'static str>), Message> {
    let name = media
        .get(src)
        .or_else(|| media.get(&percent_decode(src)))
        .ok_or_else(|| Message::new("anki-picture-missing"))?;
    let bytes = read_entry(
        archive,
        name,
        layout.compressed(),
        crate::picture::MAX_FILE_BYTES,
    )?
    .ok_or_else(|| Message::new("anki-picture-missing"))?;
    let mut converted = None;
    let bytes = if bytes.starts_with(&[0xff, 0xd8]) || bytes.starts_with(b"GIF8") {
        // JPEG (photos) and GIF (its first frame) become PNG within the picture limits.
        let c = crate::picture::convert_to_png(&bytes, Path::new(src)).map_err(|e| match e {
            crate::picture::PictureError::TooBig { width, height, .. } => {
                Message::new("anki-picture-too-big")
                    .arg("width", width)
                    .arg("height", height)
                    .arg("max", crate::picture::MAX_CONVERT_SIDE_PX)
            }
            e => Message::new("anki-picture-not-converted").arg("reason", e.message()),
        })?;
        converted = Some(c.from);
        c.png
    } else {
        bytes
    };
    if !bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        let what = if bytes.len() > 12 && &bytes[8..12] == b"WEBP" {
            "webp"
        } else if bytes.starts_with(b"<svg") || bytes.starts_with(b"<?xml") {
            "svg"
        } else {
            "other"
        };
        return Err(Message::new("anki-picture-not-png").arg("format", what));
    }
    crate::picture::decode(&bytes, Path::new(src)).map_err(|e| e.message())?;
    *total += bytes.len() as u64;
    if *total > crate::library::PictureCopyLimits::default().total {
        return Err(Message::new("anki-pictures-too-large"));
    }
    Ok((bytes, converted))
}

pub(super) fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let hex = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match (
            b[i],
            b.get(i + 1).copied().and_then(hex),
            b.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push(h * 16 + l);
                i += 3;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}
