use super::*;
use fluent_bundle::types::FluentNumberOptions;
use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};

/// Every message of one file of `lang`: key → the variables its text uses.
fn messages(lang: Language, file: &str) -> BTreeMap<String, BTreeSet<String>> {
    let res = match fluent_syntax::parser::parse(source(lang, file)) {
        Ok(r) => r,
        Err((_, errors)) => panic!("{}/{file}.ftl does not parse: {errors:?}", lang.code()),
    };
    let mut out = BTreeMap::new();
    for entry in res.body {
        match entry {
            ast::Entry::Message(m) => {
                let mut vars = BTreeSet::new();
                if let Some(p) = &m.value {
                    pattern_vars(p, &mut vars);
                }
                let dup = out.insert(m.id.name.to_owned(), vars);
                assert!(dup.is_none(), "{}: {} given twice", lang.code(), m.id.name);
            }
            ast::Entry::Junk { content } => panic!("{}: junk {content:?}", lang.code()),
            _ => {}
        }
    }
    out
}

fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            expr_vars(expression, vars);
        }
    }
}

fn expr_vars(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
        ast::Expression::Inline(i) => inline_vars(i, vars),
    }
}

fn inline_vars(i: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, vars);
            }
            for a in &arguments.named {
                inline_vars(&a.value, vars);
            }
        }
        ast::InlineExpression::Placeable { expression } => expr_vars(expression, vars),
        _ => {}
    }
}

#[test]
fn every_key_exists_in_every_language_with_the_same_variables() {
    for file in ["app", "engine"] {
        let en = messages(Language::En, file);
        assert!(en.len() > 20);
        for lang in Language::ALL {
            let other = messages(lang, file);
            let missing: Vec<_> = en.keys().filter(|k| !other.contains_key(*k)).collect();
            let extra: Vec<_> = other.keys().filter(|k| !en.contains_key(*k)).collect();
            assert!(
                missing.is_empty(),
                "{}/{file} lacks {missing:?}",
                lang.code()
            );
            assert!(
                extra.is_empty(),
                "{}/{file} has unknown {extra:?}",
                lang.code()
            );
            for (k, vars) in &en {
                assert_eq!(
                    &other[k],
                    vars,
                    "{}: {k} uses other variables than English",
                    lang.code()
                );
            }
        }
    }
    // The command line may stay English; a translated message must still match.
    let en_cli = messages(Language::En, "cli");
    for lang in Language::ALL {
        for (k, vars) in messages(lang, "cli") {
            assert_eq!(en_cli.get(&k), Some(&vars), "{}: cli {k}", lang.code());
        }
    }
}

/// The Rust sources of the app (without this test file), as one text.
fn app_sources() -> String {
    fn walk(dir: &std::path::Path, out: &mut String) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") && !p.ends_with("i18n/tests.rs") {
                out.push_str(&std::fs::read_to_string(&p).unwrap());
            }
        }
    }
    let mut out = String::new();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    walk(&root.join("src"), &mut out);
    // The engine names its messages' ids (`Message::new("…")`, field names).
    walk(&root.join("crates/quizdeck-core/src"), &mut out);
    out
}

#[test]
fn every_key_is_used_and_every_key_used_exists() {
    let code = app_sources();
    let mut en = messages(Language::En, "app");
    en.extend(messages(Language::En, "cli"));
    en.extend(messages(Language::En, "engine"));
    // The `--help` texts are looked up by the command's path (`src/cli/mod.rs`, tested
    // there).
    let unused: Vec<_> = en
        .keys()
        .filter(|k| !k.starts_with("help-"))
        .filter(|k| !code.contains(&format!("\"{k}\"")))
        .collect();
    assert!(unused.is_empty(), "keys no code uses: {unused:?}");
    // Every `tr!("key"…)` names an English message.
    let code: String = code
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut unknown = Vec::new();
    let mut parts = code.split("tr!(");
    let mut before = parts.next().unwrap_or_default();
    for part in parts {
        let whole_name = !before.ends_with(|c: char| c.is_alphanumeric() || c == '_');
        before = part;
        let part = part.trim_start();
        if !whole_name {
            continue;
        }
        if let Some(rest) = part.strip_prefix('"') {
            let key = rest.split('"').next().unwrap_or_default();
            if !en.contains_key(key) {
                unknown.push(key.to_owned());
            }
        }
    }
    assert!(unknown.is_empty(), "keys with no English text: {unknown:?}");
}

#[test]
fn numbers_in_each_languages_form() {
    let n = |v: f64, d: usize| crate::message::number(&dec(v, d)).expect("a number");
    assert_eq!(format_number(Language::En, &n(1.25, 1)), "1.3");
    assert_eq!(format_number(Language::Et, &n(1.3, 1)), "1,3");
    assert_eq!(format_number(Language::Ru, &n(0.9, 2)), "0,90");
    assert_eq!(format_number(Language::En, &n(12345.0, 0)), "12,345");
    assert_eq!(format_number(Language::Lv, &n(12345.0, 0)), "12\u{a0}345");
    assert_eq!(format_number(Language::Lt, &n(1000.0, 0)), "1\u{a0}000");
    assert_eq!(format_number(Language::Et, &n(1000.0, 0)), "1000");
    assert_eq!(
        format_number(Language::Et, &n(-1234567.5, 1)),
        "-1\u{a0}234\u{a0}567,5"
    );
    let plain = FluentNumber::new(2.5, FluentNumberOptions::default());
    assert_eq!(format_number(Language::Lt, &plain), "2,5");
}

#[test]
fn dates_in_each_languages_form() {
    let d = NaiveDate::from_ymd_opt(1939, 9, 18).unwrap();
    let cases = [
        (Language::En, "1939-09-18", "18 September 1939"),
        (Language::Et, "18.09.1939", "18. september 1939"),
        (Language::Lv, "18.09.1939.", "1939. gada 18. septembris"),
        (Language::Lt, "1939-09-18", "1939 m. rugsėjo 18 d."),
        (Language::Ru, "18.09.1939", "18 сентября 1939 г."),
    ];
    for (lang, short, long) in cases {
        set_language(lang);
        assert_eq!((date_short(d), date_long(d)), (short.into(), long.into()));
    }
    set_language(Language::Et);
    let t = d.and_hms_opt(7, 5, 0).unwrap();
    assert_eq!(date_time(t), "18.09.1939 07:05");
    set_language(Language::En);
}

#[test]
fn intervals_and_percentages_in_each_language() {
    use crate::schedule::Interval;
    let month = Interval::new(40 * 86_400, 1200);
    let soon = Interval::new(600, 1200);
    set_language(Language::En);
    assert_eq!(
        (interval(&month), interval(&soon)),
        ("1.3mo".into(), "<10m".into())
    );
    assert_eq!(percent(0.904), "90%");
    set_language(Language::Et);
    assert_eq!(
        (interval(&month), interval(&soon)),
        ("1,3 k".into(), "<10 min".into())
    );
    set_language(Language::Ru);
    assert_eq!(interval(&month), "1,3 мес.");
    assert_eq!(percent(0.5), "50 %");
    set_language(Language::En);
}

#[test]
fn switching_applies_at_once_and_missing_keys_fall_back_to_english() {
    set_language(Language::Lv);
    assert_eq!(theme_name(crate::settings::Theme::Dark), "Tumšs");
    set_language(Language::Ru);
    assert_eq!(theme_name(crate::settings::Theme::Dark), "Тёмная");
    assert_eq!(language(), Language::Ru);
    // A message only English has (as in a translation not yet finished).
    let mut b = HashMap::new();
    let mut lt = FluentBundle::new(vec!["lt".parse().unwrap()]);
    lt.add_resource(FluentResource::try_new("a = Labas".into()).unwrap())
        .unwrap();
    b.insert(Language::Lt, lt);
    assert_eq!(
        format_in(&mut b, Language::Lt, "a", None).as_deref(),
        Some("Labas")
    );
    assert_eq!(format_in(&mut b, Language::Lt, "theme-dark", None), None);
    assert_eq!(tr_in(Language::Ru, "no-such-key", &[]), "no-such-key");
    set_language(Language::En);
}

#[test]
fn plural_rules_are_each_languages() {
    let rules = |lang: Language| {
        let src = "n = { PLURAL($n) ->\n [zero] zero\n [one] one\n [few] few\n [many] many\n *[other] other\n }\n";
        let mut b = bundle(lang);
        b.add_resource(FluentResource::try_new(src.into()).unwrap())
            .unwrap();
        let mut bundles = HashMap::new();
        bundles.insert(lang, b);
        [0u32, 1, 2, 5, 11, 21, 22]
            .map(|n| {
                let mut a = FluentArgs::new();
                a.set("n", n);
                format_in(&mut bundles, lang, "n", Some(&a)).unwrap()
            })
            .join(" ")
    };
    assert_eq!(
        rules(Language::En),
        "other one other other other other other"
    );
    assert_eq!(
        rules(Language::Et),
        "other one other other other other other"
    );
    assert_eq!(rules(Language::Lv), "zero one other other zero one other");
    assert_eq!(rules(Language::Lt), "other one few few other one few");
    assert_eq!(lithuanian_plural(1.5), "many");
    assert_eq!(lithuanian_plural(111.0), "other");
    assert_eq!(rules(Language::Ru), "many one few many many one few");
}

#[test]
fn the_recovery_sentence_in_english_is_the_engines_and_translated_elsewhere() {
    use crate::store::{RecoveryNote, RecoveryReport};
    use std::path::PathBuf;
    let p = |s: &str| PathBuf::from(format!("/data/{s}"));
    let notes = vec![
        RecoveryNote::JournalTail {
            path: p("journal.log"),
            lines: 1,
            bytes: 40,
        },
        RecoveryNote::JournalDamaged {
            path: p("journal.log"),
            lines: vec![3, 9],
        },
        RecoveryNote::JournalKept {
            copy: p("journal.damaged"),
        },
        RecoveryNote::SnapshotDamaged {
            path: p("snapshot"),
            moved_to: Some(p("snapshot.damaged")),
            reason: crate::message::Message::new("store-damage-checksum"),
        },
        RecoveryNote::SnapshotMissing {
            path: p("snapshot"),
        },
        RecoveryNote::HistoryDamaged {
            path: p("history-1.log"),
            lines: 2,
        },
        RecoveryNote::SettingsReset {
            path: p("settings.ron"),
            moved_to: None,
            reason: crate::message::Message::new("store-settings-not-text"),
        },
        RecoveryNote::LockUnsupported { path: p("lock") },
        RecoveryNote::LeftUnrepaired,
        RecoveryNote::JournalNewerHeader {
            path: p("journal.log"),
            found: 9,
        },
        RecoveryNote::WrongType {
            path: p("snapshot"),
            what: "a folder",
            moved_to: None,
        },
    ];
    for (answers, items) in [(1, 0), (1204, 3)] {
        for n in &notes {
            let r = RecoveryReport {
                answers_recovered: answers,
                items,
                notes: vec![n.clone()],
            };
            set_language(Language::En);
            if answers < 1000 {
                assert_eq!(recovery_sentence(&r), r.to_string());
            }
            set_language(Language::Et);
            let et = recovery_sentence(&r);
            assert_ne!(et, r.to_string());
            // Why a file was set aside, in the language too.
            if let RecoveryNote::SnapshotDamaged { reason, .. }
            | RecoveryNote::SettingsReset { reason, .. } = n
            {
                let why = message_in(Language::Et, reason);
                assert!(et.contains(&why), "{why:?} not in {et}");
            }
            assert!(
                et.ends_with('.') && et.starts_with(char::is_uppercase),
                "{et}"
            );
        }
    }
    set_language(Language::En);
}

/// The first string literal after each `marker` in `code` (None when the call takes none).
fn first_literals<'a>(code: &'a str, marker: &str) -> Vec<&'a str> {
    code.match_indices(marker)
        .filter_map(|(i, _)| {
            let rest = &code[i + marker.len()..];
            // The literal must come before the call's first `;` (its end).
            let end = rest.find(';').unwrap_or(rest.len());
            let start = rest[..end].find('"')? + 1;
            let len = rest[start..].find('"')?;
            Some(&rest[start..start + len])
        })
        .collect()
}

#[test]
fn the_command_lines_messages_come_from_the_message_file() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(root.join("src/cli"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.push(root.join("src/main.rs"));
    let mut inline = Vec::new();
    let mut checked = 0;
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        // The unit tests at the end of a file may say what they like.
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for marker in [
            "println!(",
            "print!(",
            "eprint!(",
            "writeln!(",
            "write!(",
            "bail!(",
            // (written in two parts: only the command line may name that crate)
            concat!("any", "how!("),
            ".context(",
            "format!(",
        ] {
            for lit in first_literals(code, marker) {
                checked += 1;
                // What is left of the literal once its `{…}` places are taken out.
                let mut words = String::new();
                let mut depth = 0;
                for c in lit.chars() {
                    match c {
                        '{' => depth += 1,
                        '}' => depth -= 1,
                        c if depth == 0 => words.push(c),
                        _ => {}
                    }
                }
                // A message key built from parts (`"{key}-about"`) is no sentence.
                let key_part = words.starts_with('-')
                    && words.chars().all(|c| c.is_ascii_lowercase() || c == '-');
                if !key_part && words.chars().filter(|c| c.is_alphabetic()).count() > 1 {
                    inline.push(format!("{}: {marker}\"{lit}\"", f.display()));
                }
            }
        }
    }
    assert!(checked > 30, "only {checked} calls found");
    assert!(
        inline.is_empty(),
        "English written inline (put it in assets/i18n/en/cli.ftl): {inline:#?}"
    );
}

/// Every select expression of a pattern (nested ones too), with the message's key.
fn selects<'a>(
    p: &'a ast::Pattern<&'a str>,
    out: &mut Vec<(&'a ast::InlineExpression<&'a str>, Vec<String>)>,
) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable {
            expression: ast::Expression::Select { selector, variants },
        } = el
        {
            let keys = variants
                .iter()
                .map(|v| match &v.key {
                    ast::VariantKey::Identifier { name } => name.to_string(),
                    ast::VariantKey::NumberLiteral { value } => value.to_string(),
                })
                .collect();
            out.push((selector, keys));
            for v in variants {
                selects(&v.value, out);
            }
        }
    }
}

#[test]
fn plural_forms_are_the_languages_own_categories() {
    // CLDR's cardinal categories of each language.
    let categories = |lang: Language| -> &'static [&'static str] {
        match lang {
            Language::En | Language::Et => &["one", "other"],
            Language::Lv => &["zero", "one", "other"],
            Language::Lt => &["one", "few", "many", "other"],
            Language::Ru => &["one", "few", "many", "other"],
        }
    };
    let all = ["zero", "one", "two", "few", "many", "other"];
    let mut checked = 0;
    for lang in Language::ALL {
        for file in FILES {
            let res = fluent_syntax::parser::parse(source(lang, file)).expect("parses");
            for entry in &res.body {
                let ast::Entry::Message(m) = entry else {
                    continue;
                };
                let Some(p) = &m.value else { continue };
                let mut found = Vec::new();
                selects(p, &mut found);
                for (selector, keys) in found {
                    let plural: Vec<&String> =
                        keys.iter().filter(|k| all.contains(&k.as_str())).collect();
                    // A choice by text ($kind, $format), or by exact numbers only.
                    if plural.iter().all(|k| *k == "other") {
                        continue;
                    }
                    checked += 1;
                    let key = m.id.name;
                    let code = lang.code();
                    for k in &plural {
                        assert!(
                            categories(lang).contains(&k.as_str()),
                            "{code}/{file}: {key} has a [{k}] form, which {code} never selects"
                        );
                    }
                    assert!(
                        plural.iter().any(|k| *k == "one"),
                        "{code}/{file}: {key} has no [one] form"
                    );
                    let by_plural = matches!(
                        selector,
                        ast::InlineExpression::FunctionReference { id, .. } if id.name == "PLURAL"
                    );
                    assert!(
                        lang != Language::Lt || by_plural,
                        "lt/{file}: {key} selects without PLURAL(), so 22, 32, … get the wrong form"
                    );
                }
            }
        }
    }
    assert!(checked > 100, "only {checked} plural choices");
}
