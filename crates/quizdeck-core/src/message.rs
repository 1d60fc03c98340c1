//! Messages the engine gives people (a deck check's problems and hints, the answer
//! checker's notes): a stable id and its arguments, never a finished English sentence, so
//! that the interface words them in the student's language.
//!
//! The words live in the message files `assets/i18n/<lang>/engine.ftl` (Project Fluent).
//! The engine renders only English ([`Message`]'s `Display`, used by the command line and
//! by error texts), from the same `en` file the interface reads; the interface renders
//! every other language.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::types::{FluentNumber, FluentNumberOptions};
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::fmt;
use std::sync::OnceLock;

/// The English engine messages, the source every translation follows.
pub(crate) const ENGLISH: &str = include_str!("../../../assets/i18n/en/engine.ftl");

/// One value given to a message.
#[derive(Debug, Clone)]
pub enum Arg {
    /// Text shown as it is (a name, a path, a card's own words).
    Text(String),
    /// A whole number (plural rules select on it).
    Int(i64),
    /// A number with a fraction, written in the language's form (decimal comma).
    Float(f64),
    /// A number with exactly this many decimals (`0,90`).
    Fixed(f64, usize),
    /// Another message, rendered in the same language first (e.g. the name of a field).
    Msg(Box<Message>),
}

impl PartialEq for Arg {
    fn eq(&self, other: &Arg) -> bool {
        match (self, other) {
            (Arg::Text(a), Arg::Text(b)) => a == b,
            (Arg::Int(a), Arg::Int(b)) => a == b,
            (Arg::Float(a), Arg::Float(b)) => a.to_bits() == b.to_bits(),
            (Arg::Fixed(a, m), Arg::Fixed(b, n)) => a.to_bits() == b.to_bits() && m == n,
            (Arg::Msg(a), Arg::Msg(b)) => a == b,
            _ => false,
        }
    }
}

impl Eq for Arg {}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_owned())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}

impl From<&Message> for Arg {
    fn from(m: &Message) -> Arg {
        Arg::Msg(Box::new(m.clone()))
    }
}

impl From<Message> for Arg {
    fn from(m: Message) -> Arg {
        Arg::Msg(Box::new(m))
    }
}

impl From<f64> for Arg {
    fn from(n: f64) -> Arg {
        Arg::Float(n)
    }
}

impl From<f32> for Arg {
    fn from(n: f32) -> Arg {
        // Through the shortest decimal text, so 0.1f32 stays 0.1.
        Arg::Float(n.to_string().parse().unwrap_or(f64::from(n)))
    }
}

macro_rules! int_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Int(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
        impl From<&$t> for Arg {
            fn from(n: &$t) -> Arg {
                Arg::from(*n)
            }
        }
    )*};
}
int_args!(u8, u16, u32, u64, usize, i32, i64);

/// How a message is worded: from its id and its arguments (nested messages already worded,
/// as text) to the text.
pub type Formatter<'a> = dyn FnMut(&str, &[(&str, Arg)]) -> String + 'a;

/// A message: its id in the message files and its arguments by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The message's id in `engine.ftl`, e.g. `check-empty-text`.
    pub id: &'static str,
    /// The values the message names (`{ $name }`), in the order given.
    pub args: Vec<(&'static str, Arg)>,
}

impl Message {
    /// A message without arguments.
    pub fn new(id: &'static str) -> Message {
        Message {
            id,
            args: Vec::new(),
        }
    }

    /// The message with one more argument.
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        self.args.push((name, value.into()));
        self
    }

    /// The English text (as `Display` writes it).
    pub fn english(&self) -> String {
        self.to_string()
    }

    /// Whether the English text contains `s` (for tests and tools matching on words).
    pub fn contains(&self, s: &str) -> bool {
        self.english().contains(s)
    }

    /// Renders the message with `format`, a function from an id and its arguments (nested
    /// messages already rendered by it, as text) to text: how an interface words it in
    /// another language.
    pub fn render_with(&self, format: &mut Formatter<'_>) -> String {
        let args: Vec<(&str, Arg)> = self
            .args
            .iter()
            .map(|(n, a)| match a {
                Arg::Msg(m) => (*n, Arg::Text(m.render_with(format))),
                a => (*n, a.clone()),
            })
            .collect();
        format(self.id, &args)
    }
}

/// What the engine's file operations say they were doing ("read", "read the history"…),
/// each with its message, so that "could not … `path`" is worded in each language (a test
/// finds every action the engine names).
pub const IO_ACTIONS: &[(&str, &str)] = &[
    ("read", "action-read"),
    ("write", "action-write"),
    ("create", "action-create"),
    ("open", "action-open"),
    ("replace", "action-replace"),
    ("clear", "action-clear"),
    ("copy", "action-copy"),
    ("remove", "action-remove"),
    ("list", "action-list"),
    ("sync", "action-sync"),
    ("lock", "action-lock"),
    ("append to", "action-append"),
    ("append to the journal", "action-append-journal"),
    ("copy the damaged file aside", "action-copy-damaged-aside"),
    ("create a temporary file", "action-create-temporary"),
    ("create the history folder", "action-create-history-folder"),
    ("create the profile folder", "action-create-profile-folder"),
    (
        "create the profiles folder",
        "action-create-profiles-folder",
    ),
    (
        "create the progress folder",
        "action-create-progress-folder",
    ),
    (
        "create the repaired journal",
        "action-create-repaired-journal",
    ),
    ("flush", "action-flush"),
    ("list the history folder", "action-list-history-folder"),
    ("list the profiles in", "action-list-profiles"),
    ("move the damaged file aside", "action-move-damaged-aside"),
    (
        "move the journal into the history",
        "action-move-journal-to-history",
    ),
    ("open the copy", "action-open-copy"),
    ("open the folder for syncing", "action-open-folder-sync"),
    ("open the journal", "action-open-journal"),
    (
        "open the journal for writing",
        "action-open-journal-writing",
    ),
    ("open the lock file", "action-open-lock-file"),
    ("read a history index", "action-read-history-index"),
    ("read the end of", "action-read-end"),
    ("read the history", "action-read-history"),
    ("read the profile folder", "action-read-profile-folder"),
    ("read the journal", "action-read-journal"),
    ("read the journal header", "action-read-journal-header"),
    ("read the size of the journal", "action-read-journal-size"),
    (
        "remove a merged history file",
        "action-remove-merged-history",
    ),
    ("remove the profile folder", "action-remove-profile-folder"),
    ("repair", "action-repair"),
    ("repair the end of the journal", "action-repair-journal-end"),
    ("replace a history file", "action-replace-history-file"),
    (
        "replace the damaged journal",
        "action-replace-damaged-journal",
    ),
    ("replace the file", "action-replace-file"),
    (
        "set the journal aside for a snapshot",
        "action-set-journal-aside",
    ),
    ("sync a merged history file", "action-sync-merged-history"),
    ("sync the copy", "action-sync-copy"),
    ("sync the folder", "action-sync-folder"),
    ("sync the journal", "action-sync-journal"),
    ("sync the repaired journal", "action-sync-repaired-journal"),
    ("sync the temporary file", "action-sync-temporary"),
    ("update the journal header", "action-update-journal-header"),
    ("write a merged history file", "action-write-merged-history"),
    (
        "write the repaired journal",
        "action-write-repaired-journal",
    ),
    ("write the temporary file", "action-write-temporary"),
];

/// "could not `action` `path`: `error`": a file operation that failed, its action worded
/// in each language ([`IO_ACTIONS`]; one not listed stays as the engine says it). The
/// system's own words (`error`) stay as they are.
pub fn io_error(action: &str, path: &std::path::Path, error: &dyn fmt::Display) -> Message {
    let action = match IO_ACTIONS.iter().find(|(english, _)| *english == action) {
        Some((_, id)) => Arg::from(Message::new(id)),
        None => Arg::from(action),
    };
    Message::new("error-io")
        .arg("action", action)
        .arg("path", path.display().to_string())
        .arg("error", error.to_string())
}

/// What the RON reader found wrong, as a message for any language: the common kinds of
/// mistake with their arguments (what was expected and found, the field or kind named);
/// a rarer one keeps the reader's own English words (`syntax-other`).
pub fn ron_error(e: &ron::error::Error) -> Message {
    use ron::error::Error as E;
    // "`a`, `b` or `c`", the "or" in the language.
    let names = |list: &[&str]| -> Arg {
        let quoted: Vec<String> = list.iter().map(|n| format!("`{n}`")).collect();
        match quoted.as_slice() {
            [] => Arg::from(""),
            [one] => Arg::from(one.as_str()),
            [first, last] => Message::new("syntax-or-two")
                .arg("first", first.as_str())
                .arg("last", last.as_str())
                .into(),
            [rest @ .., last] => Message::new("syntax-or")
                .arg("rest", rest.join(", "))
                .arg("last", last.as_str())
                .into(),
        }
    };
    let value = |kind: &str| Message::new("syntax-expected-value").arg("kind", kind);
    let open = |c: &str| Message::new("syntax-expected-open").arg("char", c);
    let close = |c: &str| Message::new("syntax-expected-close").arg("char", c);
    let within = |id: &'static str, id_in: &'static str, outer: &Option<String>| match outer {
        Some(o) => Message::new(id_in).arg("outer", o.as_str()),
        None => Message::new(id),
    };
    match e {
        E::Eof => Message::new("syntax-eof"),
        E::ExpectedArray => open("["),
        E::ExpectedMap => open("{"),
        E::ExpectedStructLike => open("("),
        E::ExpectedArrayEnd => close("]"),
        E::ExpectedMapEnd => close("}"),
        E::ExpectedOptionEnd | E::ExpectedStructLikeEnd => close(")"),
        E::ExpectedComma => Message::new("syntax-expected-comma"),
        E::ExpectedMapColon => Message::new("syntax-expected-colon"),
        E::ExpectedBoolean => value("boolean"),
        E::ExpectedInteger => value("integer"),
        E::ExpectedFloat => value("float"),
        E::ExpectedString | E::ExpectedByteString => value("string"),
        E::ExpectedChar | E::ExpectedByteLiteral => value("char"),
        E::ExpectedIdentifier => value("identifier"),
        E::ExpectedUnit => value("unit"),
        E::ExpectedOption => value("option"),
        E::ExpectedStringEnd => Message::new("syntax-string-end"),
        E::ExpectedNamedStructLike(name) if !name.is_empty() => {
            Message::new("syntax-expected-struct").arg("name", *name)
        }
        E::ExpectedDifferentStructName { expected, found } => {
            Message::new("syntax-different-struct")
                .arg("expected", *expected)
                .arg("found", found.as_str())
        }
        E::IntegerOutOfBounds => Message::new("syntax-integer-out-of-bounds"),
        E::InvalidIntegerDigit { digit, base } => Message::new("syntax-invalid-digit")
            .arg("digit", digit.to_string())
            .arg("base", *base),
        E::FloatUnderscore | E::UnderscoreAtBeginning => Message::new("syntax-underscore"),
        E::UnexpectedChar(c) => Message::new("syntax-unexpected-char").arg("char", c.to_string()),
        E::UnclosedBlockComment => Message::new("syntax-unclosed-comment"),
        E::TrailingCharacters => Message::new("syntax-trailing"),
        E::Utf8Error(_) => Message::new("syntax-utf8"),
        E::InvalidValueForType { expected, found } => Message::new("syntax-invalid-value")
            .arg("expected", expected.as_str())
            .arg("found", found.as_str()),
        E::ExpectedDifferentLength { expected, found } => Message::new("syntax-wrong-length")
            .arg("expected", expected.as_str())
            .arg("n", *found),
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        }
        | E::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            let (id, id_in) = match e {
                E::NoSuchEnumVariant { .. } => {
                    ("syntax-unknown-variant", "syntax-unknown-variant-in")
                }
                _ => ("syntax-unknown-field", "syntax-unknown-field-in"),
            };
            within(id, id_in, outer)
                .arg("found", found.as_str())
                .arg("expected", names(expected))
        }
        E::MissingStructField { field, outer } => {
            within("syntax-missing-field", "syntax-missing-field-in", outer).arg("field", *field)
        }
        E::DuplicateStructField { field, outer } => {
            within("syntax-duplicate-field", "syntax-duplicate-field-in", outer)
                .arg("field", *field)
        }
        E::ExceededRecursionLimit => Message::new("syntax-too-deep"),
        e => Message::new("syntax-other").arg("error", e.to_string()),
    }
}

/// A RON reader's error with where it stopped ("line 3, column 7: …"), for any language.
pub fn ron_error_at(e: &ron::error::SpannedError) -> Message {
    Message::new("syntax-at")
        .arg("line", e.span.start.line.to_string())
        .arg("column", e.span.start.col.to_string())
        .arg("error", ron_error(&e.code))
}

/// The number an argument holds, with the decimals it asks for; `None` for text.
pub fn number(a: &Arg) -> Option<FluentNumber> {
    let plain = |v: f64| FluentNumber::new(v, FluentNumberOptions::default());
    match a {
        Arg::Int(n) => Some(plain(*n as f64)),
        Arg::Float(x) => Some(plain(*x)),
        Arg::Fixed(x, decimals) => Some(FluentNumber::new(
            *x,
            FluentNumberOptions {
                minimum_fraction_digits: Some(*decimals),
                maximum_fraction_digits: Some(*decimals),
                ..Default::default()
            },
        )),
        Arg::Text(_) | Arg::Msg(_) => None,
    }
}

/// Fluent arguments from a message's arguments: numbers as numbers, so that plural rules
/// select on them; a nested message worded by `render`.
pub fn fluent_args<'a>(
    args: &[(&'a str, Arg)],
    render: &mut dyn FnMut(&Message) -> String,
) -> FluentArgs<'a> {
    let mut a = FluentArgs::new();
    for (name, value) in args {
        let v = match (value, number(value)) {
            (_, Some(n)) => FluentValue::Number(n),
            (Arg::Msg(m), None) => FluentValue::from(render(m)),
            (Arg::Text(t), None) => FluentValue::from(t.clone()),
            (_, None) => FluentValue::None,
        };
        a.set(*name, v);
    }
    a
}

fn english_bundle() -> &'static FluentBundle<FluentResource> {
    static BUNDLE: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    BUNDLE.get_or_init(|| {
        let id = "en".parse().expect("a valid language id");
        let mut b = FluentBundle::new_concurrent(vec![id]);
        b.set_use_isolating(false);
        let res = match FluentResource::try_new(ENGLISH.to_owned()) {
            Ok(r) => r,
            Err((r, _)) => r,
        };
        let _ = b.add_resource(res);
        b
    })
}

/// The English text of message `id` with `args`; the id itself when the file lacks it.
fn english(id: &str, args: &[(&str, Arg)]) -> String {
    let b = english_bundle();
    let Some(pattern) = b.get_message(id).and_then(|m| m.value()) else {
        return id.to_owned();
    };
    let fargs = fluent_args(args, &mut Message::english);
    let mut errors = Vec::new();
    b.format_pattern(pattern, Some(&fargs), &mut errors)
        .into_owned()
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render_with(&mut english))
    }
}

impl serde::Serialize for Message {
    /// A message is written as its English text (the command line's JSON output).
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.english())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_comes_from_the_message_file_with_nested_messages_and_plurals() {
        let m = Message::new("check-empty-text").arg("what", Message::new("field-note"));
        assert_eq!(m.to_string(), "the note is empty");
        let m = Message::new("check-more-problems")
            .arg("errors", 1usize)
            .arg("warnings", 2usize)
            .arg("max", 1000usize);
        assert!(m.contains("1 more error and 2 more warnings"), "{m}");
    }

    #[test]
    fn the_ron_readers_mistakes_are_messages_with_their_arguments() {
        let err = |text: &str| ron::from_str::<crate::deck::raw::RawDeck>(text).unwrap_err();
        let e = err("Deck(format: 1, id: \"a\", title: \"A\", colour: 1, cards: [])");
        let m = ron_error_at(&e);
        assert_eq!(m.id, "syntax-at");
        let english = m.english();
        assert!(
            english.starts_with("line 1, column ") && english.contains("unknown field `colour`"),
            "{english}"
        );
        assert_eq!(ron_error(&err("Deck(format: 1,").code).id, "syntax-eof");
        assert_eq!(
            ron_error(&err("Deck(format: \"one\")").code).english(),
            "expected a whole number"
        );
        // A rare kind keeps the reader's words.
        let rare = ron::error::Error::Message("custom".into());
        assert_eq!(ron_error(&rare).english(), "custom");
    }

    #[test]
    fn every_file_action_the_engine_names_is_worded() {
        fn walk(dir: &std::path::Path, out: &mut Vec<String>) {
            for e in std::fs::read_dir(dir).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    walk(&p, out);
                } else if p.extension().is_some_and(|x| x == "rs") {
                    out.push(std::fs::read_to_string(&p).unwrap());
                }
            }
        }
        let mut files = Vec::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut files,
        );
        // The action a file error names: the first argument of the `io_err` helpers, an
        // error's `action` field, a log's `Words`.
        let starts = [
            "io_err(",
            "io_error(",
            " io(",
            "action: ",
            "write: ",
            "sync: ",
            "repair: ",
        ];
        let mut found = std::collections::BTreeSet::new();
        for text in &files {
            for start in starts {
                for (i, _) in text.match_indices(start) {
                    let rest = text[i + start.len()..].trim_start();
                    if let Some(lit) = rest.strip_prefix('"')
                        && let Some(end) = lit.find('"')
                        && lit[..end]
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c == ' ')
                    {
                        found.insert(lit[..end].to_owned());
                    }
                }
            }
        }
        assert!(found.len() > 40, "{found:?}");
        let unknown: Vec<_> = found
            .iter()
            .filter(|a| !IO_ACTIONS.iter().any(|(e, _)| e == a))
            .collect();
        assert!(unknown.is_empty(), "not in IO_ACTIONS: {unknown:?}");
        let b = english_bundle();
        for (english, id) in IO_ACTIONS {
            assert!(b.has_message(id), "{id} is not in en/engine.ftl");
            let m = io_error(english, std::path::Path::new("f"), &"e");
            assert_eq!(m.english(), format!("could not {english} f: e"));
        }
    }

    #[test]
    fn every_id_the_engine_names_is_in_the_english_file() {
        let b = english_bundle();
        let src: String = [
            include_str!("deck/validate.rs"),
            include_str!("deck/mod.rs"),
            include_str!("deck/model.rs"),
            include_str!("answer.rs"),
            include_str!("ids.rs"),
            include_str!("picture.rs"),
            include_str!("store/error.rs"),
            include_str!("library.rs"),
            include_str!("package.rs"),
            include_str!("exam.rs"),
            include_str!("import_export/mod.rs"),
            include_str!("session.rs"),
            include_str!("deck/edit.rs"),
            include_str!("schedule/error.rs"),
            include_str!("schedule/settings.rs"),
            include_str!("quiz.rs"),
            include_str!("import_export/anki.rs"),
            include_str!("import_export/anki/build.rs"),
            include_str!("import_export/anki/collection.rs"),
            include_str!("import_export/anki/unpack.rs"),
            include_str!("import_export/mapping.rs"),
            include_str!("import_export/gift.rs"),
            include_str!("exam/result.rs"),
            include_str!("package.rs"),
            include_str!("exam/class.rs"),
            include_str!("store/paths.rs"),
            include_str!("store/snapshot.rs"),
            include_str!("store/profiles.rs"),
            include_str!("store/open.rs"),
            include_str!("store/lock.rs"),
            include_str!("schedule/fsrs_adapter.rs"),
            include_str!("import_export/export.rs"),
            include_str!("import_export/quizlet.rs"),
            include_str!("import_export/anki/export.rs"),
        ]
        .concat();
        // Every quoted id with a message prefix (ids also reach `Message::new` through
        // small helpers, e.g. a field's name or a hint).
        let prefixes = [
            "field-",
            "check-",
            "deck-",
            "id-",
            "picture-",
            "answer-",
            "region-",
            "error-",
            "action-",
            "store-",
            "library-",
            "package-",
            "exam-",
            "import-",
            "session-",
            "edit-",
            "schedule-",
            "anki-",
            "syntax-",
        ];
        // Diagnostic codes and test data with such a prefix (not messages).
        let codes = [
            "region-outside-picture",
            "deck-too-large",
            "answer-in-distractors",
            "exam-baltic-occupation-234567",
            "exam-7",
        ];
        let mut missing = Vec::new();
        let mut found = 0;
        for quoted in src.split('"').skip(1).step_by(2) {
            let is_id = prefixes.iter().any(|p| quoted.starts_with(p))
                && quoted
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if is_id && !codes.contains(&quoted) {
                found += 1;
                if !b.has_message(quoted) {
                    missing.push(quoted.to_owned());
                }
            }
        }
        assert!(found > 100, "only {found} ids found");
        assert!(missing.is_empty(), "not in en/engine.ftl: {missing:?}");
    }
}
