//! Stable ids for facts, derived from their content so that the same article yields the same ids
//! on every run and every machine.

use sha2::{Digest, Sha256};

/// A lower-case ASCII slug of `s`: letters and digits, words joined by `-`, accents dropped.
///
/// ```
/// assert_eq!(factline::extract::ids::slug("Pádraig Ó Dálaigh"), "padraig-o-dalaigh");
/// ```
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in s.chars() {
        let base = fold_accent(c);
        if base.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            out.push(base.to_ascii_lowercase());
            dash = false;
        } else {
            dash = true;
        }
    }
    out
}

/// The unaccented ASCII letter for common Latin letters with diacritics.
pub fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ă' | 'Ą' => 'A',
        'ç' | 'ć' | 'č' => 'c',
        'Ç' | 'Ć' | 'Č' => 'C',
        'ď' | 'đ' => 'd',
        'Ď' | 'Đ' => 'D',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę' | 'Ě' => 'E',
        'ğ' => 'g',
        'Ğ' => 'G',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'Į' | 'İ' => 'I',
        'ł' | 'ľ' => 'l',
        'Ł' | 'Ľ' => 'L',
        'ñ' | 'ń' | 'ň' => 'n',
        'Ñ' | 'Ń' | 'Ň' => 'N',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ő' => 'O',
        'ř' => 'r',
        'Ř' => 'R',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'Ś' | 'Š' | 'Ş' | 'Ș' => 'S',
        'ť' | 'ţ' | 'ț' => 't',
        'Ť' | 'Ţ' | 'Ț' => 'T',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' | 'Ų' => 'U',
        'ý' | 'ÿ' => 'y',
        'Ý' | 'Ÿ' => 'Y',
        'ź' | 'ż' | 'ž' => 'z',
        'Ź' | 'Ż' | 'Ž' => 'Z',
        other => other,
    }
}

fn short_hash(parts: &[&[u8]], hex_len: usize) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p);
        h.update([0u8]);
    }
    let digest = h.finalize();
    let mut out = String::with_capacity(hex_len);
    for b in digest.iter() {
        if out.len() >= hex_len {
            break;
        }
        // `{b:02x}`, without formatting a string per byte.
        const HEX: &[u8; 16] = b"0123456789abcdef";
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 0xf)]));
    }
    out.truncate(hex_len);
    out
}

/// A person's id: the slug of their canonical name and a short hash of its folded form, so the
/// same name in two articles is the same person.
///
/// ```
/// let id = factline::extract::ids::person_id("Keir Starmer");
/// assert!(id.starts_with("keir-starmer-"));
/// assert_eq!(id, factline::extract::ids::person_id("keir  starmer"));
/// ```
pub fn person_id(name: &str) -> String {
    let s = slug(name);
    format!("{s}-{}", short_hash(&[s.as_bytes()], 6))
}

/// An id for a quote or event: a prefix, and a hash of the article id and the fact's position.
pub fn fact_id(prefix: &str, article_id: &str, byte_start: usize, variant: bool) -> String {
    let pos = byte_start.to_string();
    let v: &[u8] = if variant { b"1" } else { b"0" };
    format!(
        "{prefix}-{}",
        short_hash(
            &[article_id.as_bytes(), pos.as_bytes(), v, prefix.as_bytes()],
            12
        )
    )
}
