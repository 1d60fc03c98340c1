//! The exam's secrets: keys derived from one random master secret, the teacher's code,
//! sealing the answer key in the student's file (ChaCha20-Poly1305, with the key either
//! in the file or derived from the teacher's code with Argon2id), keyed hashes for the
//! result lines and the exam hash, and deterministic per-student permutations.

use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};

/// Argon2id memory cost for the teacher's code, in KiB (4 MiB).
pub(crate) const ARGON2_MEMORY_KIB: u32 = 4096;
/// Argon2id passes for the teacher's code.
pub(crate) const ARGON2_PASSES: u32 = 3;
/// Argon2id lanes for the teacher's code.
pub(crate) const ARGON2_LANES: u32 = 1;
/// Letters of the teacher's code: no 0/O or 1/I to confuse when read aloud.
const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
/// Letters in the teacher's code (40 bits).
pub(crate) const CODE_LEN: usize = 8;

/// A fresh random master secret for a new exam (from the operating system).
pub fn fresh_master() -> Result<[u8; 32], String> {
    let mut m = [0u8; 32];
    getrandom::fill(&mut m).map_err(|e| format!("no random numbers from the system: {e}"))?;
    Ok(m)
}

/// A 32-byte key derived from the master secret for `purpose`.
pub(crate) fn derive(master: &[u8; 32], purpose: &str) -> [u8; 32] {
    blake3::derive_key(&format!("quizdeck exam 2 {purpose}"), master)
}

/// The teacher's code derived from the master secret: `ABCD-EFGH`.
pub(crate) fn teacher_code(master: &[u8; 32]) -> String {
    let bytes = derive(master, "teacher code");
    let mut out = String::new();
    for (i, b) in bytes.iter().take(CODE_LEN).enumerate() {
        if i == CODE_LEN / 2 {
            out.push('-');
        }
        out.push(CODE_ALPHABET[usize::from(*b) % CODE_ALPHABET.len()] as char);
    }
    out
}

/// A typed code as compared: upper case, without spaces or dashes.
pub(crate) fn normalize_code(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// The sealing key for a teacher's code (Argon2id with the parameters above).
pub(crate) fn key_from_code(code: &str, salt: &[u8]) -> Result<[u8; 32], String> {
    let params = argon2::Params::new(ARGON2_MEMORY_KIB, ARGON2_PASSES, ARGON2_LANES, Some(32))
        .map_err(|e| e.to_string())?;
    let a = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
    let mut out = [0u8; 32];
    a.hash_password_into(normalize_code(code).as_bytes(), salt, &mut out)
        .map_err(|e| e.to_string())?;
    Ok(out)
}

/// Encrypts `plain` with `key` (ChaCha20-Poly1305, 12-byte nonce).
pub(crate) fn seal(key: &[u8; 32], nonce: &[u8; 12], plain: &[u8]) -> Result<Vec<u8>, String> {
    ChaCha20Poly1305::new(Key::from_slice(key))
        .encrypt(Nonce::from_slice(nonce), plain)
        .map_err(|_| "sealing failed".to_owned())
}

/// Decrypts what [`seal`] made; an error for a wrong key or altered data.
pub(crate) fn open(key: &[u8; 32], nonce: &[u8; 12], sealed: &[u8]) -> Option<Vec<u8>> {
    ChaCha20Poly1305::new(Key::from_slice(key))
        .decrypt(Nonce::from_slice(nonce), sealed)
        .ok()
}

/// Lower-case hex of `bytes`.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Bytes of lower- or upper-case hex text; `None` when it is not hex.
pub(crate) fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || !text.is_ascii() {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).ok())
        .collect()
}

/// Exactly `N` bytes of hex text.
pub(crate) fn unhex_n<const N: usize>(text: &str) -> Option<[u8; N]> {
    unhex(text)?.try_into().ok()
}

/// A keyed hash of `parts` (each followed by a newline), as 16 hex digits.
pub(crate) fn mac(key: &[u8; 32], parts: &[&str]) -> String {
    let mut h = blake3::Hasher::new_keyed(key);
    for p in parts {
        h.update(p.as_bytes());
        h.update(b"\n");
    }
    hex(&h.finalize().as_bytes()[..8])
}

/// A stream of deterministic numbers from a key and a label.
pub(crate) struct Stream(blake3::OutputReader);

impl Stream {
    /// The stream for `label` under `key`.
    pub(crate) fn new(key: &[u8; 32], label: &str) -> Stream {
        let mut h = blake3::Hasher::new_keyed(key);
        h.update(label.as_bytes());
        Stream(h.finalize_xof())
    }

    fn next_u64(&mut self) -> u64 {
        let mut b = [0u8; 8];
        self.0.fill(&mut b);
        u64::from_le_bytes(b)
    }

    /// A number in `0..n` (n > 0), without modulo bias worth noting for small n.
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// A permutation of `0..n` (Fisher–Yates).
    pub(crate) fn permutation(&mut self, n: usize) -> Vec<usize> {
        let mut p: Vec<usize> = (0..n).collect();
        for i in (1..n).rev() {
            let j = self.below(i + 1);
            p.swap(i, j);
        }
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealing_round_trips_and_refuses_a_wrong_code() {
        let master = [7u8; 32];
        let code = teacher_code(&master);
        assert_eq!(code.len(), CODE_LEN + 1);
        let salt = [1u8; 16];
        let key = key_from_code(&code, &salt).unwrap();
        let typed = key_from_code(&code.to_lowercase().replace('-', " "), &salt).unwrap();
        assert_eq!(key, typed, "case and dashes do not matter");
        let nonce = [2u8; 12];
        let sealed = seal(&key, &nonce, b"the answers").unwrap();
        assert_eq!(open(&key, &nonce, &sealed).unwrap(), b"the answers");
        let wrong = key_from_code("AAAA-AAAA", &salt).unwrap();
        assert!(open(&wrong, &nonce, &sealed).is_none());
        assert_eq!(unhex(&hex(&sealed)).unwrap(), sealed);
        assert!(unhex("zz").is_none());
    }

    #[test]
    fn permutations_are_permutations_and_depend_on_the_label() {
        let k = [3u8; 32];
        let a = Stream::new(&k, "anna").permutation(30);
        let b = Stream::new(&k, "jonas").permutation(30);
        let mut s = a.clone();
        s.sort_unstable();
        assert_eq!(s, (0..30).collect::<Vec<_>>());
        assert_ne!(a, b);
        assert_eq!(a, Stream::new(&k, "anna").permutation(30));
    }
}
