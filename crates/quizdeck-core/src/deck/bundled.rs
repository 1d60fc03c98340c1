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
}
