//! The interface's languages: messages in Project Fluent files (`assets/i18n/<lang>/*.ftl`,
//! embedded in the binary), looked up by key with [`tr!`](crate::tr) from any screen.
//!
//! The current language is kept per thread (the interface draws on one thread): the app
//! sets it at every frame from the open profile's setting ([`set_language`]), so a switch in
//! Settings applies at the next frame, without a restart. A key missing in a language falls
//! back to English. Numbers are written in the language's usual form (decimal comma and a
//! no-break space between thousands outside English), and dates through the messages
//! `date-short` and `date-long` of each language, so that a translator decides their form.

use crate::settings::Language;
use chrono::{Datelike, NaiveDate};
use fluent_bundle::types::FluentNumber;
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The message files of each language, in the order they are added to its bundle.
pub const FILES: [&str; 3] = ["app", "cli", "engine"];

/// The text of one message file (`assets/i18n/<lang>/<file>.ftl`).
pub fn source(lang: Language, file: &str) -> &'static str {
    macro_rules! files {
        ($($code:literal => $l:ident),*) => {
            match (lang, file) {
                $(
                    (Language::$l, "app") => include_str!(concat!("../assets/i18n/", $code, "/app.ftl")),
                    (Language::$l, "cli") => include_str!(concat!("../assets/i18n/", $code, "/cli.ftl")),
                    (Language::$l, "engine") => include_str!(concat!("../assets/i18n/", $code, "/engine.ftl")),
                )*
                _ => "",
            }
        };
    }
    files!("en" => En, "et" => Et, "lv" => Lv, "lt" => Lt, "ru" => Ru)
}

/// A value given to a message (text, a number plural rules can select on, an engine
/// message worded in the same language): the engine's [`Arg`](crate::message::Arg).
pub use crate::message::Arg;

/// A number with exactly `decimals` decimals (`dec(0.9, 1)` is "0.9" in English and "0,9"
/// in Estonian); plural rules see the same number.
pub fn dec(value: f64, decimals: usize) -> Arg {
    Arg::Fixed(value, decimals)
}

/// A message in the current language: `tr!("key")` or `tr!("key", name = value, …)`, where
/// each value is text or a number (see [`Arg`]).
#[macro_export]
macro_rules! tr {
    ($key:literal) => {
        $crate::i18n::tr($key, &[])
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::tr($key, &[$((stringify!($name), $crate::i18n::Arg::from($value))),+])
    };
}

struct State {
    lang: Language,
    bundles: HashMap<Language, FluentBundle<FluentResource>>,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State {
        lang: system_language(),
        bundles: HashMap::new(),
    });
}

/// The language of the system's locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), read once.
pub fn system_language() -> Language {
    static SYSTEM: OnceLock<Language> = OnceLock::new();
    *SYSTEM.get_or_init(|| Language::from_env(|k| std::env::var(k).ok()))
}

/// Makes `lang` the language of this thread's messages.
pub fn set_language(lang: Language) {
    STATE.with(|s| s.borrow_mut().lang = lang);
}

/// The language of this thread's messages.
pub fn language() -> Language {
    STATE.with(|s| s.borrow().lang)
}

/// The language's own name, as the language menu lists it.
pub fn native_name(lang: Language) -> &'static str {
    match lang {
        Language::En => "English",
        Language::Et => "Eesti",
        Language::Lv => "Latviešu",
        Language::Lt => "Lietuvių",
        Language::Ru => "Русский",
    }
}

fn decimal_separator(lang: Language) -> char {
    if lang == Language::En { '.' } else { ',' }
}

fn group_separator(lang: Language) -> char {
    if lang == Language::En { ',' } else { '\u{a0}' }
}

/// `n` written in `lang`'s form, honouring the fraction digits asked for.
pub fn format_number(lang: Language, n: &FluentNumber) -> String {
    let o = &n.options;
    let min = o.minimum_fraction_digits.unwrap_or(0);
    let text = match o.maximum_fraction_digits {
        Some(max) => {
            let max = max.max(min);
            // Halves round away from zero, as people do (not to even, as `format!` does).
            let scale = 10f64.powi(max.min(15) as i32);
            let t = format!("{:.*}", max, (n.value * scale).round() / scale);
            trim_fraction(t, min)
        }
        None if n.value.fract() == 0.0 => format!("{:.*}", min, n.value),
        None => trim_fraction(format!("{:.*}", min.max(3), n.value), min),
    };
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let mut out = String::from(sign);
    // Estonian (like CLDR) leaves four-digit numbers ungrouped; the others group from 1000.
    let min_grouping = if lang == Language::Et { 5 } else { 4 };
    if o.use_grouping && int.len() >= min_grouping {
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push(group_separator(lang));
            }
            out.push(c);
        }
    } else {
        out.push_str(int);
    }
    if !frac.is_empty() {
        out.push(decimal_separator(lang));
        out.push_str(frac);
    }
    out
}

fn trim_fraction(mut t: String, min: usize) -> String {
    if let Some(dot) = t.find('.') {
        while t.len() - dot - 1 > min && t.ends_with('0') {
            t.pop();
        }
        if t.ends_with('.') {
            t.pop();
        }
    }
    t
}

macro_rules! formatters {
    ($($name:ident => $l:ident),*) => {$(
        fn $name(v: &FluentValue, _: &intl_memoizer::IntlLangMemoizer) -> Option<String> {
            match v {
                FluentValue::Number(n) => Some(format_number(Language::$l, n)),
                _ => None,
            }
        }
    )*};
}
formatters!(fmt_en => En, fmt_et => Et, fmt_lv => Lv, fmt_lt => Lt, fmt_ru => Ru);

/// The bundle of one language, with every message file; problems in a file (only possible
/// in an edited translation) leave the entries that parsed.
fn bundle(lang: Language) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().expect("a valid language id");
    let mut b = FluentBundle::new(vec![id]);
    // Isolation marks would show as boxes in egui; the interface is left-to-right only.
    b.set_use_isolating(false);
    b.set_formatter(Some(match lang {
        Language::En => fmt_en,
        Language::Et => fmt_et,
        Language::Lv => fmt_lv,
        Language::Lt => fmt_lt,
        Language::Ru => fmt_ru,
    }));
    // Lithuanian plurals by CLDR's rule: intl_pluralrules 7 puts 22, 32, … (and every number
    // from 10 on ending in 2–9) in "other" instead of "few". Lithuanian messages select on
    // `PLURAL($n)`; elsewhere PLURAL gives the number back to Fluent's own rules.
    let _ = b.add_function("PLURAL", move |pos, _| match pos.first() {
        Some(FluentValue::Number(n)) if lang == Language::Lt => {
            FluentValue::from(lithuanian_plural(n.value))
        }
        Some(v) => v.clone(),
        None => FluentValue::None,
    });
    for file in FILES {
        let res = match FluentResource::try_new(source(lang, file).to_owned()) {
            Ok(r) => r,
            Err((r, _)) => r,
        };
        // An id given twice keeps its first text.
        let _ = b.add_resource(res);
    }
    b
}

/// The CLDR plural category of `n` in Lithuanian (one, few, many, other).
pub fn lithuanian_plural(n: f64) -> &'static str {
    if n.fract() != 0.0 {
        return "many";
    }
    let i = n.abs() as u64;
    let (last, last_two) = (i % 10, i % 100);
    if (11..=19).contains(&last_two) {
        "other"
    } else if last == 1 {
        "one"
    } else if (2..=9).contains(&last) {
        "few"
    } else {
        "other"
    }
}

fn format_in(
    bundles: &mut HashMap<Language, FluentBundle<FluentResource>>,
    lang: Language,
    key: &str,
    args: Option<&FluentArgs>,
) -> Option<String> {
    let b = bundles.entry(lang).or_insert_with(|| bundle(lang));
    let pattern = b.get_message(key)?.value()?;
    let mut errors = Vec::new();
    let text = b.format_pattern(pattern, args, &mut errors).into_owned();
    errors.is_empty().then_some(text)
}

/// The message `key` in the current language with `args`; English when the language lacks
/// it (or its text has a mistake), and the key itself when English lacks it too.
pub fn tr(key: &str, args: &[(&str, Arg)]) -> String {
    tr_in(language(), key, args)
}

/// The message `key` in `lang` (see [`tr`]).
pub fn tr_in(lang: Language, key: &str, args: &[(&str, Arg)]) -> String {
    let fargs =
        (!args.is_empty()).then(|| crate::message::fluent_args(args, &mut |m| message_in(lang, m)));
    STATE.with(|s| {
        let bundles = &mut s.borrow_mut().bundles;
        format_in(bundles, lang, key, fargs.as_ref())
            .or_else(|| format_in(bundles, Language::En, key, fargs.as_ref()))
            .unwrap_or_else(|| key.to_owned())
    })
}

/// An engine message ([`Message`](crate::message::Message): a deck check's problem, an
/// answer note, a picture's problem) in the current language; nested messages (a field's
/// name) are worded in the same language.
pub fn message(m: &crate::message::Message) -> String {
    message_in(language(), m)
}

/// An engine message in `lang` (see [`message`]).
pub fn message_in(lang: Language, m: &crate::message::Message) -> String {
    m.render_with(&mut |id, args| tr_in(lang, id, args))
}

/// A deck check's problems in the current language, compiler-style (see
/// [`Checked::render`](crate::deck::Checked::render)), for the window.
pub fn checked_text(c: &crate::deck::Checked) -> String {
    c.render_worded(&wording(&(error_word(), warning_word(), tr!("diag-help"))))
}

/// Diagnostics as lines (`file:line:column: error: message (hint)`) in the current
/// language.
pub fn diagnostic_lines(diags: &[crate::deck::Diagnostic]) -> String {
    diags
        .iter()
        .map(|d| {
            let word = match d.severity {
                crate::deck::Severity::Error => error_word(),
                crate::deck::Severity::Warning => warning_word(),
            };
            let mut line = tr!(
                "diag-line",
                file = d.file.as_str(),
                line = d.line.to_string(),
                column = d.column.to_string(),
                severity = word,
                message = &d.message
            );
            if let Some(h) = &d.hint {
                line.push(' ');
                line.push_str(&tr!("diag-hint", hint = h));
            }
            line
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn error_word() -> String {
    tr!("diag-error")
}

fn warning_word() -> String {
    tr!("diag-warning")
}

fn wording(words: &(String, String, String)) -> crate::deck::Wording<'_> {
    crate::deck::Wording {
        error: &words.0,
        warning: &words.1,
        help: &words.2,
        message: &message,
    }
}

/// An editor's error in the current language: an unreadable deck with its problems worded
/// as [`checked_text`] words them.
pub fn edit_error_text(e: &crate::deck::edit::EditError) -> String {
    match e {
        crate::deck::edit::EditError::Unreadable(c) => {
            format!("{}\n{}", tr!("edit-unreadable-heading"), checked_text(c))
        }
        e => message(&e.message()),
    }
}

/// What kind of file system object the engine found where a file was expected ("a
/// folder", "a device"…), in the current language.
fn file_kind(what: &str) -> String {
    match what {
        "a folder" => tr!("file-kind-folder"),
        "a named pipe (FIFO)" => tr!("file-kind-fifo"),
        "a device" => tr!("file-kind-device"),
        "a socket" => tr!("file-kind-socket"),
        "not a regular file" => tr!("file-kind-other"),
        other => other.to_owned(),
    }
}

/// A date in the current language's short numeric form (18.09.1939 in Estonian).
pub fn date_short(d: NaiveDate) -> String {
    tr!(
        "date-short",
        day = format!("{:02}", d.day()),
        month = format!("{:02}", d.month()),
        year = d.year().to_string()
    )
}

/// A date with the month's name, in the current language (18. september 1939 in Estonian).
pub fn date_long(d: NaiveDate) -> String {
    tr!(
        "date-long",
        day = d.day(),
        month = d.month(),
        year = d.year().to_string()
    )
}

/// A date and a time of day (hours and minutes) in the current language.
pub fn date_time(t: chrono::NaiveDateTime) -> String {
    tr!(
        "date-time",
        date = date_short(t.date()),
        time = t.format("%H:%M").to_string()
    )
}

/// A percentage, rounded to a whole number, in the language's form ("90 %" in Russian).
pub fn percent(fraction: f64) -> String {
    tr!("percent", value = dec(fraction * 100.0, 0))
}

/// A rating button's next interval ("<10m", "2d", "1.3mo" in English; "2 p", "1,3 k" in
/// Estonian).
pub fn interval(i: &crate::schedule::Interval) -> String {
    use crate::schedule::IntervalUnit as U;
    let n = dec(i.amount, usize::from(i.decimals));
    let text = match i.unit {
        U::Seconds => tr!("interval-seconds", n = n),
        U::Minutes => tr!("interval-minutes", n = n),
        U::Hours => tr!("interval-hours", n = n),
        U::Days => tr!("interval-days", n = n),
        U::Months => tr!("interval-months", n = n),
        U::Years => tr!("interval-years", n = n),
    };
    if i.less_than {
        format!("<{text}")
    } else {
        text
    }
}

/// The name of a colour theme in the current language.
pub fn theme_name(t: crate::settings::Theme) -> String {
    use crate::settings::Theme;
    match t {
        Theme::Light => tr!("theme-light"),
        Theme::Dark => tr!("theme-dark"),
        Theme::HighContrast => tr!("theme-high-contrast"),
    }
}

/// The name of a library order in the current language.
pub fn sort_name(by: crate::overview::SortBy) -> String {
    use crate::overview::SortBy;
    match by {
        SortBy::DueFirst => tr!("library-sort-due-first"),
        SortBy::Title => tr!("library-sort-title"),
        SortBy::LastStudied => tr!("library-sort-last-studied"),
    }
}

/// Where a deck comes from, in the current language: the words on its row and the heading
/// of its folder when the library is grouped.
pub fn origin_names(origin: &crate::library::DeckOrigin) -> (String, String) {
    use crate::library::DeckOrigin;
    match origin {
        DeckOrigin::Bundled => (tr!("library-origin-bundled"), tr!("library-group-bundled")),
        DeckOrigin::Imported(_) => (tr!("library-origin-yours"), tr!("library-group-imported")),
        DeckOrigin::Class { folder, .. } => (
            tr!("library-origin-class", folder = folder.as_str()),
            tr!("library-group-class", folder = folder.as_str()),
        ),
    }
}

/// The name of an item's status in Browse, in the current language.
pub fn status_name(s: crate::browse::Status) -> String {
    use crate::browse::Status;
    match s {
        Status::New => tr!("browse-status-new"),
        Status::Learning => tr!("browse-status-learning"),
        Status::Due => tr!("browse-status-due"),
        Status::Review => tr!("browse-status-review"),
        Status::Suspended => tr!("browse-status-suspended"),
        Status::Leech => tr!("browse-status-leech"),
    }
}

/// The name of an order of Browse, in the current language.
pub fn browse_sort_name(s: crate::browse::SortBy) -> String {
    use crate::browse::SortBy;
    match s {
        SortBy::Deck => tr!("browse-sort-deck"),
        SortBy::Due => tr!("browse-sort-due"),
        SortBy::Difficulty => tr!("browse-sort-difficulty"),
        SortBy::Lapses => tr!("browse-sort-lapses"),
    }
}

/// What opening a profile repaired, as one sentence in the current language (the engine's
/// [`RecoveryReport`](crate::store::RecoveryReport) says it in English).
pub fn recovery_sentence(r: &crate::store::RecoveryReport) -> String {
    use crate::store::RecoveryNote as N;
    let file = |p: &std::path::Path| {
        p.file_name()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| p.display().to_string())
    };
    let mut parts = Vec::new();
    if r.progress_damaged() {
        parts.push(if r.items > 0 {
            tr!(
                "recovery-recovered-items",
                answers = r.answers_recovered,
                items = r.items
            )
        } else {
            tr!("recovery-recovered", answers = r.answers_recovered)
        });
    }
    for n in &r.notes {
        parts.push(match n {
            N::JournalTail { lines, .. } => tr!("recovery-journal-tail", lines = *lines),
            N::JournalDamaged { lines, .. } => {
                tr!("recovery-journal-damaged", lines = lines.len())
            }
            N::JournalKept { copy } => tr!("recovery-journal-kept", file = file(copy)),
            N::SnapshotDamaged {
                moved_to, reason, ..
            } => match moved_to {
                Some(to) => tr!("recovery-snapshot-moved", reason = reason, file = file(to)),
                None => tr!("recovery-snapshot-damaged", reason = reason),
            },
            N::JournalNewerHeader { found, .. } => {
                tr!("recovery-journal-newer", format = *found)
            }
            N::WrongType {
                path,
                what,
                moved_to,
            } => match moved_to {
                Some(to) => tr!(
                    "recovery-wrong-type-moved",
                    file = file(path),
                    what = file_kind(what),
                    moved = file(to)
                ),
                None => tr!(
                    "recovery-wrong-type",
                    file = file(path),
                    what = file_kind(what)
                ),
            },
            N::SnapshotMissing { .. } => tr!("recovery-snapshot-missing"),
            N::HistoryDamaged { path, lines } => tr!(
                "recovery-history-damaged",
                lines = *lines,
                file = file(path)
            ),
            N::SettingsReset {
                moved_to, reason, ..
            } => match moved_to {
                Some(to) => tr!("recovery-settings-moved", reason = reason, file = file(to)),
                None => tr!("recovery-settings-reset", reason = reason),
            },
            N::LockUnsupported { .. } => tr!("recovery-lock-unsupported"),
            N::LeftUnrepaired => tr!("recovery-left-unrepaired"),
            // A kind of note this interface does not know yet: the engine's words.
            #[allow(unreachable_patterns)]
            _ => r.to_string(),
        });
    }
    let text = tr!("recovery-sentence", parts = parts.join("; "));
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => text,
    }
}

#[cfg(test)]
mod tests;
