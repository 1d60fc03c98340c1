//! Anki field HTML reduced to text: tags, entities, pictures and sounds.

/// HTML of a field reduced to text: tags dropped (line breaks for `<br>` and block
/// ends), entities decoded, `[sound:…]` removed; returns the text, the `src` of each
/// picture, and how many sounds were dropped.
pub(crate) fn html_to_text(html: &str) -> (String, Vec<String>, usize) {
    let mut out = String::with_capacity(html.len());
    let mut images = Vec::new();
    let mut sounds = 0;
    let mut rest = html;
    while let Some(i) = rest.find(['<', '&', '[']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with("[sound:") {
            match rest.find(']') {
                Some(end) => {
                    sounds += 1;
                    rest = &rest[end + 1..];
                }
                None => {
                    out.push('[');
                    rest = &rest[1..];
                }
            }
        } else if rest.starts_with('<') {
            let Some(end) = rest.find('>') else {
                out.push_str(rest);
                rest = "";
                break;
            };
            let tag = &rest[1..end];
            rest = &rest[end + 1..];
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            match name.as_str() {
                "br" | "div" | "p" | "li" | "tr" | "h1" | "h2" | "h3" | "h4" | "ul" | "ol"
                | "hr" => out.push('\n'),
                "td" | "th" => out.push(' '),
                "img" => {
                    if let Some(src) = attribute(tag, "src") {
                        images.push(decode_entities(&src));
                    }
                }
                "script" | "style" if !tag.starts_with('/') => {
                    let close = format!("</{name}");
                    let lower = rest.to_ascii_lowercase();
                    rest = match lower.find(&close) {
                        Some(at) => &rest[at..],
                        None => "",
                    };
                }
                _ => {}
            }
        } else if rest.starts_with('&') {
            let end =
                rest[1..].find(|c: char| c == ';' || c.is_whitespace() || c == '&' || c == '<');
            match end {
                Some(e) if rest.as_bytes()[e + 1] == b';' && e <= 10 => {
                    let entity = &rest[..e + 2];
                    out.push_str(&decode_entities(entity));
                    rest = &rest[e + 2..];
                }
                _ => {
                    out.push('&');
                    rest = &rest[1..];
                }
            }
        } else {
            out.push('[');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    // Spaces collapsed within lines, blank lines dropped.
    let text = out
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    (text, images, sounds)
}

/// The value of `name="…"` (or `'…'`, or unquoted) in a tag's text.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(name) {
        let at = from + i;
        from = at + name.len();
        let before_ok = at == 0 || lower.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = tag[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let v = rest[1..].trim_start();
        return Some(match v.chars().next() {
            Some(q @ ('"' | '\'')) => v[1..].split(q).next().unwrap_or("").to_owned(),
            _ => v
                .split(|c: char| c.is_whitespace() || c == '/')
                .next()
                .unwrap_or("")
                .to_owned(),
        });
    }
    None
}

/// Decodes the HTML entities Anki writes (named ones of common use, and numeric ones).
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(end) = rest.find(';').filter(|&e| e <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..end];
        let c = match name {
            "nbsp" => Some(' '),
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "ndash" => Some('–'),
            "mdash" => Some('—'),
            "hellip" => Some('…'),
            "laquo" => Some('«'),
            "raquo" => Some('»'),
            "bdquo" => Some('„'),
            "ldquo" => Some('“'),
            "rdquo" => Some('”'),
            "lsquo" => Some('‘'),
            "rsquo" => Some('’'),
            _ => name
                .strip_prefix("#x")
                .or_else(|| name.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
