//! The decks that ship inside the binary (embedded from `decks/` at build time).

use super::{Checked, check_text};

include!(concat!(env!("OUT_DIR"), "/bundled_decks.rs"));

/// Checks every bundled deck. Each is named `bundled:<file>` in diagnostics.
pub fn check_all() -> Vec<Checked> {
    BUNDLED
        .iter()
        .map(|(name, text)| check_text(text, &format!("bundled:{name}"), None))
        .collect()
}

/// [`check_all`] through the deck cache in `cache_dir` (see
/// [`super::cache::check_text_cached`]): the decks are checked once for each version of
/// the program, not at every opening of a profile. Their cache entries join `used`.
pub(crate) fn check_all_cached(
    cache_dir: &std::path::Path,
    used: &mut std::collections::HashSet<std::path::PathBuf>,
) -> Vec<Checked> {
    BUNDLED
        .iter()
        .map(|(name, text)| {
            super::cache::check_text_cached(text, &format!("bundled:{name}"), cache_dir, used)
        })
        .collect()
}

/// The bytes of the bundled picture `relative` (e.g. `maps/baltic-states.png`), if the
/// program has one by that name. A deck anywhere may name a bundled map: when its folder
/// has no file of that name, the built-in one is used (checked, shown, imported, packed).
pub(crate) fn picture_bytes(relative: &str) -> Option<&'static [u8]> {
    PICTURES
        .iter()
        .find(|(name, _)| *name == relative)
        .map(|(_, bytes)| *bytes)
}

/// The size in pixels of the bundled picture `relative`, read from its header.
pub(crate) fn picture_size(relative: &str) -> Option<(u32, u32)> {
    crate::picture::dimensions(picture_bytes(relative)?).ok()
}

/// Decodes the bundled picture that bundled cards name `relative` (e.g. `maps/x.png`),
/// with the same limits as any picture.
pub fn picture(relative: &str) -> crate::picture::Result<crate::picture::Picture> {
    let path = std::path::Path::new(relative);
    match picture_bytes(relative) {
        Some(bytes) => crate::picture::decode(bytes, path),
        None => Err(crate::picture::PictureError::Io {
            path: path.to_owned(),
            source: std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "no bundled picture has this name",
            ),
        }),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn bundled_decks_are_embedded_and_valid() {
        let all = super::check_all();
        assert!(!all.is_empty(), "no bundled deck was embedded");
        for c in all {
            assert!(!c.has_errors(), "{}", c.render());
        }
    }

    #[test]
    fn every_picture_a_bundled_card_names_is_embedded_and_decodes() {
        let mut named = 0;
        for c in super::check_all() {
            for card in c.deck.expect("valid").cards {
                if let Some(rel) = card.image {
                    let p = super::picture(&rel).unwrap_or_else(|e| panic!("{rel}: {e}"));
                    assert!(p.width > 0 && p.height > 0);
                    named += 1;
                }
            }
        }
        assert!(super::picture("maps/none.png").is_err());
        // On disk, beside their pictures, the bundled decks' regions are checked against
        // each picture's size too.
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../decks");
        for (name, _) in super::BUNDLED {
            let c = super::super::check_file(&dir.join(name));
            assert!(c.diagnostics.is_empty(), "{}", c.render());
        }
        // The maps are used: at least 25 Locate cards across the bundled decks.
        assert!(named >= 25, "{named}");
    }
}
