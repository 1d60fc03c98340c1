//! Writing decks as RON in the style of the bundled decks, changing no more of a file than
//! what was edited.
//!
//! [`Layout`] finds, in a deck file, the byte range of every top-level field of the deck and
//! of every card (with the comments and blank lines before it). [`rewrite`] then builds the
//! new text from the old one: an unchanged card or field is copied byte for byte (comments
//! included), a changed one is written by [`card_ron`] / the field writers in place, a new
//! card is added in the same indentation, a removed card's comments stay. Opening and saving
//! a deck without changes gives the same bytes; editing one card changes that card's lines
//! only.
//!
//! The style (four-space indent, one field per line, short lists on one line, `Order`
//! items and `Match` pairs one per line, defaults left out, non-ASCII letters kept as they
//! are) is the one the bundled decks are written in.

use super::raw::{RawCard, RawDeck, RawKind, RawRef, RawRegion, RawSource};
use super::span::{Tok, tokenize};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;

/// Where the parts of a deck file are, by byte offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// The deck's top-level fields in file order: name, and the range of the whole
    /// `name: value` (without the comma).
    pub(crate) fields: Vec<(String, Range<usize>)>,
    /// Each card: the text before it since the previous card (line break, indentation,
    /// comments).
    pub gaps: Vec<Range<usize>>,
    /// Each card: `Card(…)` with its trailing comma when it has one.
    pub cards: Vec<Range<usize>>,
    /// Where the text after the `[` of `cards` starts (the first gap starts here).
    pub(crate) list_start: usize,
    /// Where the text after the last card starts (up to the end of the file).
    pub(crate) tail_start: usize,
}

impl Layout {
    /// Finds the parts of deck `text` (without a byte-order mark). None when the text is
    /// not shaped like a deck (`Deck(…, cards: [ … ], …)`).
    pub(crate) fn of(text: &str) -> Option<Layout> {
        let tokens = tokenize(text);
        // Skip inner attributes such as `#![enable(implicit_some)]`, then the `Deck(`.
        let mut i = 0;
        while i < tokens.len() && tokens[i].tok != Tok::Open('(') {
            if matches!(tokens[i].tok, Tok::Open('[')) && i > 0 {
                // An attribute's brackets: skip to their close.
                let mut depth = 0usize;
                while i < tokens.len() {
                    match tokens[i].tok {
                        Tok::Open(_) => depth += 1,
                        Tok::Close(_) => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
            }
            i += 1;
        }
        i += 1;
        let mut fields = Vec::new();
        let mut cards_layout = None;
        // Fields at depth 1: `name : value ,`.
        while i < tokens.len() {
            let name = match &tokens[i].tok {
                Tok::Ident(n) if matches!(tokens.get(i + 1)?.tok, Tok::Colon) => n.to_string(),
                Tok::Close(')') => break,
                _ => return None,
            };
            let field_start = tokens[i].bytes.0;
            i += 2;
            let value_start = i;
            // The value ends before the comma or close at depth 0 relative to it.
            let mut depth = 0usize;
            while i < tokens.len() {
                match tokens[i].tok {
                    Tok::Open(_) => depth += 1,
                    Tok::Close(_) if depth == 0 => break,
                    Tok::Close(_) => depth -= 1,
                    Tok::Comma if depth == 0 => break,
                    _ => {}
                }
                i += 1;
            }
            if i == value_start || i >= tokens.len() {
                return None;
            }
            let field_end = tokens[i - 1].bytes.1;
            if name == "cards" {
                cards_layout = Some(card_ranges(&tokens[value_start..i], text.len())?);
            }
            fields.push((name, field_start..field_end));
            if tokens[i].tok == Tok::Comma {
                i += 1;
            }
        }
        let (list_start, gaps, cards, tail_start) = cards_layout?;
        Some(Layout {
            fields,
            gaps,
            cards,
            list_start,
            tail_start,
        })
    }
}

type CardRanges = (usize, Vec<Range<usize>>, Vec<Range<usize>>, usize);

/// The cards of the `[ … ]` value `tokens`.
fn card_ranges(tokens: &[super::span::Token], _len: usize) -> Option<CardRanges> {
    let open = tokens.first()?;
    if open.tok != Tok::Open('[') {
        return None;
    }
    let list_start = open.bytes.1;
    let mut gaps = Vec::new();
    let mut cards = Vec::new();
    let mut prev_end = list_start;
    let mut i = 1;
    while i < tokens.len() {
        if tokens[i].tok == Tok::Close(']') {
            break;
        }
        let start = tokens[i].bytes.0;
        let mut depth = 0usize;
        let mut end = start;
        while i < tokens.len() {
            match tokens[i].tok {
                Tok::Open(_) => depth += 1,
                Tok::Close(_) if depth == 0 => break,
                Tok::Close(_) => depth -= 1,
                Tok::Comma if depth == 0 => {
                    end = tokens[i].bytes.1;
                    i += 1;
                    break;
                }
                _ => {}
            }
            end = tokens[i].bytes.1;
            i += 1;
        }
        gaps.push(prev_end..start);
        cards.push(start..end);
        prev_end = end;
    }
    Some((list_start, gaps, cards, prev_end))
}

/// Where a card of the new deck comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Origin {
    /// Card `n` of the old file.
    Old(usize),
    /// A card that was not in the old file.
    New,
}

/// The text of deck `new`, made from the old file `text` (parsed as `old`, laid out as
/// `layout`): what did not change is copied, what changed is written in the deck style
/// (see the module documentation). `origins[i]` says where `new.cards[i]` comes from.
pub(crate) fn rewrite(
    text: &str,
    layout: &Layout,
    old: &RawDeck,
    new: &RawDeck,
    origins: &[Origin],
) -> String {
    let mut out = String::with_capacity(text.len() + 256);
    // What is written anew ends its lines as the file does (Windows editors write CRLF).
    let nl = newline_of(text);
    // The deck's fields before the cards.
    let cards_field = layout
        .fields
        .iter()
        .position(|(n, _)| n == "cards")
        .unwrap_or(layout.fields.len());
    let header_end = layout
        .fields
        .get(cards_field)
        .map_or(layout.list_start, |(_, r)| r.start);
    let field_indent = layout
        .fields
        .first()
        .map_or_else(|| "    ".to_owned(), |(_, r)| indent_before(text, r.start));
    let present: std::collections::HashSet<&str> =
        layout.fields.iter().map(|(n, _)| n.as_str()).collect();
    let at = copy_fields(
        &mut out,
        text,
        &layout.fields[..cards_field],
        0,
        (old, new),
        &field_indent,
    );
    out.push_str(&text[at..header_end]);
    // Fields that were left out (defaults) and now have a value go before `cards`.
    for name in header_fields() {
        if !present.contains(name)
            && field_value(old, name) != field_value(new, name)
            && let Some(f) = field_ron(new, name, &field_indent)
        {
            out.push_str(&with_newlines(&f, nl));
            out.push(',');
            out.push_str(nl);
            out.push_str(&field_indent);
        }
    }
    out.push_str(&text[header_end..layout.list_start]);
    // The cards.
    let card_indent = layout.cards.first().map_or_else(
        || format!("{field_indent}{field_indent}"),
        |r| indent_before(text, r.start),
    );
    // Comments before removed cards move to the next card kept, in the old order.
    let mut kept = vec![false; layout.cards.len()];
    for o in origins {
        if let Origin::Old(n) = o
            && let Some(k) = kept.get_mut(*n)
        {
            *k = true;
        }
    }
    let mut carried = vec![String::new(); layout.cards.len() + 1];
    let mut carry = String::new();
    for (n, gap) in layout.gaps.iter().enumerate() {
        if kept[n] {
            carried[n] = std::mem::take(&mut carry);
        } else if has_comment(&text[gap.clone()]) {
            carry.push_str(text[gap.clone()].trim_end_matches([' ', '\t']));
            // The last line of the gap is the card's own indentation.
            if carry.ends_with('\n') {
                carry.pop();
            }
        }
    }
    carried[layout.cards.len()] = carry;
    let last = new.cards.len().checked_sub(1);
    for (i, card) in new.cards.iter().enumerate() {
        let origin = origins.get(i).copied().unwrap_or(Origin::New);
        match origin {
            Origin::Old(n) if n < layout.cards.len() => {
                out.push_str(&carried[n]);
                out.push_str(&text[layout.gaps[n].clone()]);
                let old_text = &text[layout.cards[n].clone()];
                if old.cards.get(n) == Some(card) {
                    out.push_str(old_text);
                    if !old_text.ends_with(',') && Some(i) != last {
                        out.push(',');
                    }
                } else {
                    out.push_str(&with_newlines(&card_ron(card, &card_indent), nl));
                    if old_text.ends_with(',') || Some(i) != last {
                        out.push(',');
                    }
                }
            }
            _ => {
                // After a last card written without its comma, one is needed now.
                if !out.trim_end().ends_with(',') && !out.trim_end().ends_with('[') {
                    let trimmed = out.trim_end().len();
                    out.insert(trimmed, ',');
                }
                out.push_str(nl);
                out.push_str(&card_indent);
                out.push_str(&with_newlines(&card_ron(card, &card_indent), nl));
                out.push(',');
            }
        }
    }
    let tail_carry = &carried[layout.cards.len()];
    if !tail_carry.is_empty() {
        out.push_str(tail_carry);
    }
    // After cards written anew, the `]` goes on its own line (an empty list had none).
    let tail = &text[layout.tail_start..];
    if origins.last() == Some(&Origin::New) && !tail.starts_with(['\n', '\r']) {
        out.push_str(nl);
        out.push_str(&field_indent);
        out.push_str(tail.trim_start_matches([' ', '\t']));
        return out;
    }
    // Fields written after `cards` are in the tail.
    let after = layout.fields.get(cards_field + 1..).unwrap_or(&[]);
    let at = copy_fields(
        &mut out,
        text,
        after,
        layout.tail_start,
        (old, new),
        &field_indent,
    );
    out.push_str(&text[at..]);
    out
}

/// Copies the text from `at` through `fields`, each unchanged field as it is, a changed one
/// written anew, one now left out (a default) removed with its comma. Returns where the
/// copy stopped.
fn copy_fields(
    out: &mut String,
    text: &str,
    fields: &[(String, Range<usize>)],
    mut at: usize,
    (old, new): (&RawDeck, &RawDeck),
    indent: &str,
) -> usize {
    for (name, range) in fields {
        out.push_str(&text[at..range.start]);
        at = range.end;
        if field_value(old, name) == field_value(new, name) {
            out.push_str(&text[range.clone()]);
        } else if let Some(f) = field_ron(new, name, indent) {
            out.push_str(&with_newlines(&f, newline_of(text)));
        } else {
            // Now left out: drop it with the spaces before it and the comma after it.
            let keep = text[..range.start]
                .trim_end_matches([' ', '\t', '\n', '\r'])
                .len()
                .max(range.start.min(at));
            let pushed = range.start - keep;
            out.truncate(out.len() - pushed.min(out.len()));
            at = skip_comma(text, range.end);
        }
    }
    at
}

/// The line ending of `text`: CRLF when its first line ends so, else LF.
fn newline_of(text: &str) -> &'static str {
    match text.find('\n') {
        Some(i) if text[..i].ends_with('\r') => "\r\n",
        _ => "\n",
    }
}

/// `s` (written with LF) with the line ending `nl`.
fn with_newlines(s: &str, nl: &str) -> String {
    if nl == "\n" {
        s.to_owned()
    } else {
        s.replace('\n', nl)
    }
}

/// The top-level fields written before `cards`, in the deck style's order.
fn header_fields() -> impl Iterator<Item = &'static str> {
    super::raw::DECK_FIELDS
        .into_iter()
        .filter(|f| *f != "cards")
}

/// A comparable form of one of the deck's fields.
fn field_value(deck: &RawDeck, name: &str) -> Option<String> {
    field_ron(deck, name, "")
}

/// `name: value` in the deck style at `indent` (the indentation of the field's line), or
/// None when the value is the default and is left out.
fn field_ron(deck: &RawDeck, name: &str, indent: &str) -> Option<String> {
    let mut s = format!("{name}: ");
    match name {
        "format" => write!(s, "{}", deck.format).ok()?,
        "id" => push_str_lit(&mut s, &deck.id),
        "title" => push_str_lit(&mut s, &deck.title),
        "description" if !deck.description.is_empty() => push_str_lit(&mut s, &deck.description),
        "language" => push_str_lit(&mut s, &deck.language),
        "authors" if !deck.authors.is_empty() => push_list(&mut s, &deck.authors),
        "version" => write!(s, "{}", deck.version).ok()?,
        "sources" if !deck.sources.is_empty() => push_sources(&mut s, &deck.sources, indent),
        _ => return None,
    }
    Some(s)
}

fn push_sources(s: &mut String, sources: &BTreeMap<String, RawSource>, indent: &str) {
    s.push_str("{\n");
    for (key, src) in sources {
        s.push_str(indent);
        s.push_str("    ");
        push_str_lit(s, key);
        s.push_str(": Source(title: ");
        push_str_lit(s, &src.title);
        if !src.url.is_empty() {
            s.push_str(", url: ");
            push_str_lit(s, &src.url);
        }
        s.push_str("),\n");
    }
    s.push_str(indent);
    s.push('}');
}

/// The indentation (spaces and tabs) of the line on which `at` is.
fn indent_before(text: &str, at: usize) -> String {
    let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    text[line_start..at]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect()
}

/// The offset after the comma following `at` (spaces skipped), or `at`.
fn skip_comma(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    let spaces = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    if rest[spaces..].starts_with(',') {
        at + spaces + 1
    } else {
        at
    }
}

fn has_comment(gap: &str) -> bool {
    gap.contains("//") || gap.contains("/*")
}

/// A string literal: `"`, `\` and control characters escaped, everything else as is.
pub(crate) fn push_str_lit(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn push_list(out: &mut String, items: &[String]) {
    out.push('[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        push_str_lit(out, item);
    }
    out.push(']');
}

/// A region on one line: `Circle(name: "Riga", x: 418.8, y: 430, r: 14)` or
/// `Polygon(name: "Latvia", points: [(1, 2), (3, 4), (5, 6)])`. Numbers are written in
/// their shortest form that reads back the same (`14`, not `14.0`).
fn push_region(out: &mut String, region: &RawRegion) {
    match region {
        RawRegion::Circle { name, x, y, r } => {
            out.push_str("Circle(name: ");
            push_str_lit(out, name);
            let _ = write!(out, ", x: {x}, y: {y}, r: {r})");
        }
        RawRegion::Polygon { name, points } => {
            out.push_str("Polygon(name: ");
            push_str_lit(out, name);
            out.push_str(", points: [");
            for (i, (x, y)) in points.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                let _ = write!(out, "({x}, {y})");
            }
            out.push_str("])");
        }
    }
}

/// One card in the deck style, starting with `Card(` and ending with `)` (no comma); its
/// lines after the first are indented from `indent`, the indentation of its first line.
pub(crate) fn card_ron(card: &RawCard, indent: &str) -> String {
    let i1 = format!("{indent}    ");
    let i2 = format!("{indent}        ");
    let mut s = String::from("Card(\n");
    let field = |s: &mut String, name: &str, value: &dyn Fn(&mut String)| {
        s.push_str(&i1);
        s.push_str(name);
        s.push_str(": ");
        value(s);
        s.push_str(",\n");
    };
    field(&mut s, "id", &|s| push_str_lit(s, &card.id));
    if !card.tags.is_empty() {
        field(&mut s, "tags", &|s| push_list(s, &card.tags));
    }
    if let Some(RawRef { doc, section }) = &card.source {
        field(&mut s, "source", &|s| {
            s.push_str("Ref(doc: ");
            push_str_lit(s, doc);
            if !section.is_empty() {
                s.push_str(", section: ");
                push_str_lit(s, section);
            }
            s.push(')');
        });
    }
    if !card.note.is_empty() {
        field(&mut s, "note", &|s| push_str_lit(s, &card.note));
    }
    if !card.image.is_empty() {
        field(&mut s, "image", &|s| push_str_lit(s, &card.image));
    }
    s.push_str(&i1);
    s.push_str("kind: ");
    s.push_str(kind_name(&card.kind));
    s.push_str("(\n");
    let text = |s: &mut String, name: &str, v: &str| {
        s.push_str(&i2);
        s.push_str(name);
        s.push_str(": ");
        push_str_lit(s, v);
        s.push_str(",\n");
    };
    let list = |s: &mut String, name: &str, v: &[String]| {
        s.push_str(&i2);
        s.push_str(name);
        s.push_str(": ");
        push_list(s, v);
        s.push_str(",\n");
    };
    match &card.kind {
        RawKind::Basic {
            front,
            back,
            reverse,
        } => {
            text(&mut s, "front", front);
            text(&mut s, "back", back);
            if *reverse {
                s.push_str(&i2);
                s.push_str("reverse: true,\n");
            }
        }
        RawKind::Cloze { text: t } => text(&mut s, "text", t),
        RawKind::TypeIn { question, answers } => {
            text(&mut s, "question", question);
            list(&mut s, "answers", answers);
        }
        RawKind::MultipleChoice {
            question,
            answer,
            distractors,
            also_correct,
        } => {
            text(&mut s, "question", question);
            text(&mut s, "answer", answer);
            if !also_correct.is_empty() {
                list(&mut s, "also_correct", also_correct);
            }
            list(&mut s, "distractors", distractors);
        }
        RawKind::TrueFalse {
            statement,
            truth,
            correction,
        } => {
            text(&mut s, "statement", statement);
            s.push_str(&i2);
            let _ = writeln!(s, "truth: {truth},");
            if !correction.is_empty() {
                text(&mut s, "correction", correction);
            }
        }
        RawKind::Order { prompt, items } => {
            text(&mut s, "prompt", prompt);
            s.push_str(&i2);
            s.push_str("items: [\n");
            for item in items {
                s.push_str(&i2);
                s.push_str("    ");
                push_str_lit(&mut s, item);
                s.push_str(",\n");
            }
            s.push_str(&i2);
            s.push_str("],\n");
        }
        RawKind::Match { prompt, pairs } => {
            text(&mut s, "prompt", prompt);
            s.push_str(&i2);
            s.push_str("pairs: [\n");
            for (l, r) in pairs {
                s.push_str(&i2);
                s.push_str("    (");
                push_str_lit(&mut s, l);
                s.push_str(", ");
                push_str_lit(&mut s, r);
                s.push_str("),\n");
            }
            s.push_str(&i2);
            s.push_str("],\n");
        }
        RawKind::Locate {
            prompt,
            choice_prompt,
            picture,
            answer,
            others,
        } => {
            text(&mut s, "prompt", prompt);
            if let Some(choice) = choice_prompt {
                text(&mut s, "choice_prompt", choice);
            }
            text(&mut s, "picture", picture);
            s.push_str(&i2);
            s.push_str("answer: ");
            push_region(&mut s, answer);
            s.push_str(",\n");
            if !others.is_empty() {
                s.push_str(&i2);
                s.push_str("others: [\n");
                for region in others {
                    s.push_str(&i2);
                    s.push_str("    ");
                    push_region(&mut s, region);
                    s.push_str(",\n");
                }
                s.push_str(&i2);
                s.push_str("],\n");
            }
        }
    }
    s.push_str(&i1);
    s.push_str("),\n");
    s.push_str(indent);
    s.push(')');
    s
}

/// The name of a card kind as written in deck files.
pub fn kind_name(kind: &RawKind) -> &'static str {
    match kind {
        RawKind::Basic { .. } => "Basic",
        RawKind::Cloze { .. } => "Cloze",
        RawKind::TypeIn { .. } => "TypeIn",
        RawKind::MultipleChoice { .. } => "MultipleChoice",
        RawKind::TrueFalse { .. } => "TrueFalse",
        RawKind::Order { .. } => "Order",
        RawKind::Match { .. } => "Match",
        RawKind::Locate { .. } => "Locate",
    }
}

/// A whole deck file in the deck style (for a deck that has no file yet).
pub(crate) fn deck_ron(deck: &RawDeck) -> String {
    let mut s = String::from("Deck(\n");
    for name in header_fields() {
        if let Some(f) = field_ron(deck, name, "    ") {
            s.push_str("    ");
            s.push_str(&f);
            s.push_str(",\n");
        }
    }
    s.push_str("    cards: [\n");
    for card in &deck.cards {
        s.push_str("        ");
        s.push_str(&card_ron(card, "        "));
        s.push_str(",\n");
    }
    s.push_str("    ],\n)\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::bundled::BUNDLED;

    fn parse(text: &str) -> RawDeck {
        crate::deck::parse_raw(text).expect("parses")
    }

    fn unchanged(n: usize) -> Vec<Origin> {
        (0..n).map(Origin::Old).collect()
    }

    #[test]
    fn every_bundled_deck_is_laid_out_and_rewritten_byte_for_byte() {
        for (name, text) in BUNDLED {
            let raw = parse(text);
            let layout = Layout::of(text).unwrap_or_else(|| panic!("{name}: no layout"));
            assert_eq!(layout.cards.len(), raw.cards.len(), "{name}");
            let out = rewrite(text, &layout, &raw, &raw, &unchanged(raw.cards.len()));
            assert_eq!(out, *text, "{name}");
        }
    }

    #[test]
    fn the_card_writer_reproduces_the_bundled_style() {
        // Every card written from scratch reads back the same, and nearly every card of
        // the bundled decks is written exactly as it is in the file.
        let (mut same, mut total) = (0, 0);
        for (name, text) in BUNDLED {
            let raw = parse(text);
            let layout = Layout::of(text).expect("layout");
            for (card, range) in raw.cards.iter().zip(&layout.cards) {
                let indent = indent_before(text, range.start);
                let written = card_ron(card, &indent);
                let back: RawCard = crate::deck::ron_options()
                    .from_str(&written)
                    .unwrap_or_else(|e| panic!("{name}: {e}\n{written}"));
                assert_eq!(&back, card, "{name}");
                total += 1;
                if text[range.clone()].trim_end_matches(',') == written {
                    same += 1;
                }
            }
        }
        assert!(
            same * 100 >= total * 90,
            "{same} of {total} written as in the files"
        );
    }

    #[test]
    fn every_bundled_locate_card_is_written_exactly_as_in_its_file() {
        let mut n = 0;
        for (name, text) in BUNDLED {
            let raw = parse(text);
            let layout = Layout::of(text).expect("layout");
            for (card, range) in raw.cards.iter().zip(&layout.cards) {
                if !matches!(card.kind, RawKind::Locate { .. }) {
                    continue;
                }
                let written = card_ron(card, &indent_before(text, range.start));
                assert_eq!(text[range.clone()].trim_end_matches(','), written, "{name}");
                n += 1;
            }
        }
        assert!(n >= 33, "{n} Locate cards");
    }

    #[test]
    fn a_locate_card_without_others_and_with_odd_numbers_reads_back() {
        let card = RawCard {
            id: "l".into(),
            tags: Vec::new(),
            source: None,
            note: String::new(),
            image: String::new(),
            kind: RawKind::Locate {
                prompt: "Click \"here\"".into(),
                choice_prompt: Some("Which \"one\" is it?\nSay".into()),
                picture: "maps/x.png".into(),
                answer: RawRegion::Polygon {
                    name: "Ā".into(),
                    points: vec![(0.1, 1e-3), (1234.567, 0.0), (3.0, 999.99)],
                },
                others: Vec::new(),
            },
        };
        let written = card_ron(&card, "        ");
        assert!(!written.contains("others"), "{written}");
        assert!(written.contains("choice_prompt"), "{written}");
        let back: RawCard = crate::deck::ron_options()
            .from_str(&written)
            .expect("reads");
        assert_eq!(back, card);
        // Numbers far out of any picture (the checker's error) still read back.
        let card = RawCard {
            kind: RawKind::Locate {
                prompt: "p".into(),
                choice_prompt: None,
                picture: "maps/x.png".into(),
                answer: RawRegion::Circle {
                    name: "far".into(),
                    x: 1e20,
                    y: -3e-9,
                    r: f32::MAX,
                },
                others: Vec::new(),
            },
            ..card
        };
        let written = card_ron(&card, "        ");
        assert!(!written.contains("choice_prompt"), "{written}");
        let back: RawCard = crate::deck::ron_options()
            .from_str(&written)
            .unwrap_or_else(|e| panic!("{e}\n{written}"));
        assert_eq!(back, card);
    }

    #[test]
    fn editing_one_card_changes_only_its_lines() {
        for (name, text) in BUNDLED {
            let old = parse(text);
            let layout = Layout::of(text).expect("layout");
            let n = old.cards.len() / 2;
            let mut new = old.clone();
            new.cards[n].note = "A new note, with \"quotes\" and ā.".into();
            let out = rewrite(text, &layout, &old, &new, &unchanged(old.cards.len()));
            assert_eq!(parse(&out), new, "{name}");
            let before = &text[..layout.cards[n].start];
            let after = &text[layout.cards[n].end..];
            assert!(out.starts_with(before), "{name}");
            assert!(out.ends_with(after), "{name}");
        }
    }

    #[test]
    fn removing_reordering_and_adding_keep_the_rest_and_the_comments() {
        let (_, text) = BUNDLED
            .iter()
            .find(|(_, t)| t.contains("        // ----"))
            .expect("a bundled deck with section comments");
        let old = parse(text);
        let layout = Layout::of(text).expect("layout");
        let mut new = old.clone();
        let mut origins = unchanged(old.cards.len());
        // Remove the first card (it has the section comment before it), move the last to
        // the front, and add one at the end.
        new.cards.remove(0);
        origins.remove(0);
        let last = new.cards.pop().expect("cards");
        let o = origins.pop().expect("origins");
        new.cards.insert(0, last);
        origins.insert(0, o);
        let mut added = old.cards[0].clone();
        added.id = "a-new-card".into();
        new.cards.push(added);
        origins.push(Origin::New);
        let out = rewrite(text, &layout, &old, &new, &origins);
        assert_eq!(parse(&out), new);
        // The section comment before the removed card is still in the file.
        let first_gap = &text[layout.gaps[0].clone()];
        let comment = first_gap
            .lines()
            .find(|l| l.contains("//"))
            .expect("comment");
        assert!(out.contains(comment.trim()), "{out}");
        // Every card kept is written byte for byte.
        for range in &layout.cards[1..] {
            assert!(out.contains(text[range.clone()].trim_end_matches(',')));
        }
    }

    #[test]
    fn header_fields_change_in_place_and_defaults_come_and_go() {
        for (name, text) in BUNDLED {
            let old = parse(text);
            let layout = Layout::of(text).expect("layout");
            let mut new = old.clone();
            new.version += 1;
            let out = rewrite(text, &layout, &old, &new, &unchanged(old.cards.len()));
            assert_eq!(parse(&out), new, "{name}");
            let changed: Vec<_> = text
                .lines()
                .zip(out.lines())
                .filter(|(a, b)| a != b)
                .collect();
            assert_eq!(changed.len(), 1, "{name}: {changed:?}");
            assert_eq!(text.lines().count(), out.lines().count());
            // Remove the description and the authors (left out when empty), then give
            // them back.
            let mut bare = new.clone();
            bare.description.clear();
            bare.authors.clear();
            let out2 = rewrite(text, &layout, &old, &bare, &unchanged(old.cards.len()));
            assert_eq!(parse(&out2), bare, "{name}\n{out2}");
            let layout2 = Layout::of(&out2).expect("layout");
            let out3 = rewrite(&out2, &layout2, &bare, &new, &unchanged(old.cards.len()));
            assert_eq!(parse(&out3), new, "{name}");
        }
    }

    #[test]
    fn fields_after_the_cards_and_one_line_decks_are_rewritten_too() {
        let text = "Deck(format: 1, id: \"d\", title: \"T\", authors: [\"a\"], cards: [Card(id: \"a\", kind: Cloze(text: \"{{c1::x}}\"))], version: 2, description: \"D\")";
        let old = parse(text);
        let layout = Layout::of(text).expect("layout");
        let mut new = old.clone();
        new.version = 3;
        new.authors.clear();
        new.description.clear();
        new.language = "lv".into();
        let out = rewrite(text, &layout, &old, &new, &[Origin::Old(0)]);
        assert_eq!(parse(&out), new, "{out}");
        assert!(out.contains("version: 3"), "{out}");
        assert!(!out.contains("authors"), "{out}");
    }

    #[test]
    fn crlf_files_comments_inside_cards_and_raw_strings_are_kept() {
        let text = "// A deck from Notepad.\r\nDeck(\r\n    format: 1,\r\n    id: \"d\",\r\n    title: r#\"The \"raw\" title\"#,\r\n    cards: [\r\n        Card(\r\n            id: \"a\", // the first\r\n            /* block */ kind: Basic(front: \"F\", back: \"B\"),\r\n        ),\r\n        Card(id: \"b\", kind: Basic(front: \"G\", back: \"C\")),\r\n    ],\r\n)\r\n";
        let old = parse(text);
        let layout = Layout::of(text).expect("layout");
        assert_eq!(
            rewrite(text, &layout, &old, &old, &[Origin::Old(0), Origin::Old(1)]),
            text
        );
        let mut new = old.clone();
        new.cards[1].note = "A note.".into();
        new.version = 2;
        let mut added = new.cards[0].clone();
        added.id = "c".into();
        new.cards.push(added);
        let out = rewrite(
            text,
            &layout,
            &old,
            &new,
            &[Origin::Old(0), Origin::Old(1), Origin::New],
        );
        assert_eq!(parse(&out), new, "{out}");
        assert!(out.contains("id: \"a\", // the first\r\n"), "{out}");
        assert!(
            !out.replace("\r\n", "").contains('\n'),
            "only CRLF: {out:?}"
        );
    }

    #[test]
    fn cards_added_to_an_empty_list_are_laid_out_like_the_others() {
        let text = "Deck(\n    format: 1,\n    id: \"d\",\n    title: \"T\",\n    cards: [],\n)\n";
        let old = parse(text);
        let layout = Layout::of(text).expect("layout");
        assert_eq!(rewrite(text, &layout, &old, &old, &[]), text);
        let mut new = old.clone();
        let deck = parse(BUNDLED[0].1);
        new.cards = deck.cards[..2].to_vec();
        let out = rewrite(text, &layout, &old, &new, &[Origin::New, Origin::New]);
        assert_eq!(parse(&out), new, "{out}");
        assert!(out.ends_with("        ),\n    ],\n)\n"), "{out}");
        assert!(out.contains("cards: [\n        Card(\n"), "{out}");
    }

    #[test]
    fn a_new_deck_reads_back() {
        let (_, text) = BUNDLED[0];
        let raw = parse(text);
        let written = deck_ron(&raw);
        assert_eq!(parse(&written), raw);
        let layout = Layout::of(&written).expect("layout");
        assert_eq!(layout.cards.len(), raw.cards.len());
    }

    #[test]
    fn strings_are_escaped_and_read_back() {
        let mut s = String::new();
        let tricky = "a \"b\" \\ c\nd\te\u{7}ā Ž ё";
        push_str_lit(&mut s, tricky);
        let back: String = crate::deck::ron_options().from_str(&s).expect("reads");
        assert_eq!(back, tricky);
    }

    #[test]
    fn a_last_card_without_comma_gets_one_when_a_card_follows() {
        let text = "Deck(format: 1, id: \"d\", title: \"T\", cards: [\n    Card(id: \"a\", kind: Cloze(text: \"{{c1::x}}\"))\n])\n";
        let old = parse(text);
        let layout = Layout::of(text).expect("layout");
        assert_eq!(rewrite(text, &layout, &old, &old, &[Origin::Old(0)]), text);
        let mut new = old.clone();
        let mut b = old.cards[0].clone();
        b.id = "b".into();
        new.cards.push(b);
        let out = rewrite(text, &layout, &old, &new, &[Origin::Old(0), Origin::New]);
        assert_eq!(parse(&out), new, "{out}");
        // And moved after it.
        let out = rewrite(
            text,
            &layout,
            &old,
            &RawDeck {
                cards: vec![new.cards[1].clone(), new.cards[0].clone()],
                ..new.clone()
            },
            &[Origin::New, Origin::Old(0)],
        );
        assert_eq!(parse(&out).cards.len(), 2, "{out}");
    }
}
