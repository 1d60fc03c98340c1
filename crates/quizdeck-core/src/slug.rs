//! The one slug function: a stable, file-name-safe, id-safe form of a text.
//!
//! Used for profile folders, card ids made from a spreadsheet's questions, exam ids and
//! the file names of exam results. A slug is lowercase ASCII letters and digits in words
//! joined by `-`, cut at a word boundary (a single word longer than the limit is cut).
//!
//! Folding follows the answer checker ([`crate::answer::normalize_for_search`]): accents
//! are removed (`Jūlija` → `julija`, `Ķēniņš` → `kenins`, `Šiškin` → `siskin`, `Tõnis` →
//! `tonis`), `ß` becomes `ss`, case is folded, punctuation inside a word is dropped
//! (`O'Brien` → `obrien`) and numbers lose their leading zeros.
//!
//! Cyrillic is **transliterated** (`Молотов` → `molotov`, `Щёлоков` → `shchelokov`), with
//! the simple romanisation of passports and library catalogues (Russian, Ukrainian and
//! Belarusian letters; `ъ` and `ь` dropped), because a slug must be ASCII: deck and card
//! ids allow only `a-z`, `0-9` and `-`, and file names on FAT USB sticks and old Windows
//! shares must survive every code page. The answer checker keeps Cyrillic as it is (an
//! answer is compared with text in the same script); a slug is only a name. Letters of
//! other scripts (Greek, Chinese…) are dropped, and each caller has its fallback when
//! nothing is left.
//!
//! A slug is made once, when a profile, card or exam is created, and then stored: changing
//! these rules never renames an existing profile folder, card id or result file.

use crate::answer::normalize_for_search;

/// Names Windows reserves for devices, with or without an extension: never usable as a
/// file or folder name there.
const RESERVED: [&str; 22] = [
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// The slug of `text`, at most `max_len` bytes (see the module documentation); empty when
/// `text` has no letter or digit that folds to ASCII.
pub fn slug(text: &str, max_len: usize) -> String {
    let folded = normalize_for_search(&transliterate_cyrillic(text));
    let mut out = String::new();
    for word in folded.split(|c: char| !c.is_ascii_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        // Numbers lose their leading zeros, also when the folding left a number behind
        // (as in "00ૠ"), so that a slug is its own slug.
        let word = if word.bytes().all(|b| b.is_ascii_digit()) {
            let zeros = word.bytes().take_while(|&b| b == b'0').count();
            &word[zeros.min(word.len() - 1)..]
        } else {
            word
        };
        if !out.is_empty() {
            if out.len() + 1 + word.len() > max_len {
                break;
            }
            out.push('-');
        }
        // Only the first word can be longer than the limit: cut it.
        out.extend(word.chars().take(max_len));
    }
    out
}

/// True when `slug` is a name Windows reserves for a device (`con`, `nul`, `com1`…), which
/// cannot be a file or folder name there.
pub(crate) fn is_reserved_name(slug: &str) -> bool {
    RESERVED.contains(&slug)
}

/// Replaces each Cyrillic letter by its lowercase Latin transliteration; other characters
/// are kept.
fn transliterate_cyrillic(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if !('\u{0400}'..='\u{04FF}').contains(&c) {
            out.push(c);
            continue;
        }
        let lower = c.to_lowercase().next().unwrap_or(c);
        let latin = match lower {
            'а' => "a",
            'б' => "b",
            'в' => "v",
            'г' => "g",
            'ґ' => "g",
            'д' => "d",
            'е' | 'ё' | 'э' | 'ѐ' => "e",
            'є' => "ye",
            'ж' => "zh",
            'з' => "z",
            'и' | 'і' | 'ѝ' => "i",
            'ї' => "yi",
            'й' => "y",
            'к' => "k",
            'л' => "l",
            'м' => "m",
            'н' => "n",
            'о' => "o",
            'п' => "p",
            'р' => "r",
            'с' => "s",
            'т' => "t",
            'у' | 'ў' => "u",
            'ф' => "f",
            'х' => "kh",
            'ц' => "ts",
            'ч' => "ch",
            'ш' => "sh",
            'щ' => "shch",
            'ы' => "y",
            'ю' => "yu",
            'я' => "ya",
            // Hard and soft signs, and letters of other languages, leave nothing.
            _ => "",
        };
        out.push_str(latin);
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn baltic_letters_fold_like_the_answer_checker() {
        assert_eq!(slug("Jūlija", 48), "julija");
        assert_eq!(slug("Ķēniņš Ļaudis Ģirts", 48), "kenins-laudis-girts");
        assert_eq!(slug("Ėglė Įvykis Ųla", 48), "egle-ivykis-ula");
        assert_eq!(
            slug("Āboliņa Ēriks Šiškins Žanis Čaks", 64),
            "abolina-eriks-siskins-zanis-caks"
        );
        assert_eq!(slug("Tõnis Päts, Öö Ülle", 48), "tonis-pats-oo-ulle");
        assert_eq!(
            slug("Who was Kārlis Ulmanis?", 48),
            "who-was-karlis-ulmanis"
        );
        assert_eq!(slug("O'Brien, Ann", 48), "obrien-ann");
        assert_eq!(slug("Straße", 48), "strasse");
        for s in [
            "ū", "ī", "ņ", "ķ", "ļ", "ģ", "ė", "į", "ų", "ā", "ē", "š", "ž", "č", "õ", "ä", "ö",
            "ü",
        ] {
            let folded = slug(s, 48);
            assert_eq!(folded.len(), 1, "{s} → {folded}");
            assert_eq!(folded, normalize_for_search(s), "{s}");
            assert_eq!(slug(&s.to_uppercase(), 48), folded, "{s} upper case");
        }
    }

    #[test]
    fn cyrillic_is_transliterated() {
        assert_eq!(slug("Молотов", 48), "molotov");
        assert_eq!(slug("Вячеслав Михайлович", 48), "vyacheslav-mikhaylovich");
        assert_eq!(
            slug("Щёлоков Жуков Цой Чапаев Шукшин", 64),
            "shchelokov-zhukov-tsoy-chapaev-shukshin"
        );
        assert_eq!(slug("Ярослав Ющенко", 48), "yaroslav-yushchenko");
        assert_eq!(slug("Объём Мальчик", 48), "obem-malchik");
        assert_eq!(
            slug("Україна Їжак Єва Ґанок", 48),
            "ukrayina-yizhak-yeva-ganok"
        );
        assert_eq!(slug("Беларусь Ўсход", 48), "belarus-uskhod");
    }

    #[test]
    fn empty_bounded_and_cut_at_words() {
        assert_eq!(slug("?!", 48), "");
        assert_eq!(slug("张伟", 48), "");
        assert_eq!(slug("  ../../etc/passwd ", 48), "etc-passwd");
        assert_eq!(slug("alpha beta gamma", 10), "alpha-beta");
        assert_eq!(slug("abcdefghijklmnop", 5), "abcde");
        assert_eq!(slug("Class 007, room 00", 48), "class-7-room-0");
        assert_eq!(slug("00ૠ", 2), "0");
        assert!(slug(&"word ".repeat(40), 48).len() <= 48);
        assert!(is_reserved_name("con"));
        assert!(!is_reserved_name("cons"));
    }

    proptest! {
        #[test]
        fn slugs_are_ids(s in "\\PC{0,80}", max in 1usize..64) {
            let out = slug(&s, max);
            prop_assert!(out.len() <= max);
            if !out.is_empty() {
                prop_assert!(crate::ids::check_id(&out).is_ok(), "{out:?}");
            }
            prop_assert_eq!(slug(&out, max), out.clone(), "a slug is its own slug");
        }
    }
}
