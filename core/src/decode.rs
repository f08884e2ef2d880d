//! Bytes to text: UTF-8 (with or without BOM), UTF-16 with a BOM, and GB18030/GBK, explicit or
//! detected. Offsets in a report refer to the decoded text.

use crate::{Error, ErrorKind, Location};

/// Decoded text and how it was decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Decoded {
    /// The text. A UTF-8 BOM is kept as U+FEFF so offsets match the file as read.
    pub text: String,
    /// The encoding used as encoding_rs names it (`"UTF-8"`, `"gb18030"`, `"UTF-16LE"`, …).
    pub encoding: &'static str,
}

/// Decodes `bytes`. With `encoding` = `None` the encoding is detected: UTF-8 when the bytes are
/// valid UTF-8, UTF-16 when they start with its BOM, otherwise GB18030 when they decode without
/// error in it. Errors say at which byte decoding failed.
///
/// ```
/// use baogao::decode::decode;
/// assert_eq!(decode("工作总结".as_bytes(), None).unwrap().encoding, "UTF-8");
/// // 工作 in GBK:
/// let gbk = [0xB9, 0xA4, 0xD7, 0xF7];
/// let d = decode(&gbk, None).unwrap();
/// assert_eq!((d.text.as_str(), d.encoding), ("工作", "gb18030"));
/// let bad = decode(&[0x41, 0xFF, 0xFF, 0x41], Some("utf-8")).unwrap_err();
/// assert_eq!(bad.location().unwrap().byte, Some(1));
/// ```
pub fn decode(bytes: &[u8], encoding: Option<&str>) -> Result<Decoded, Error> {
    match encoding.map(|e| e.trim().to_ascii_lowercase()) {
        None => detect(bytes),
        Some(name) if name == "auto" => detect(bytes),
        Some(name) if name == "utf-8" || name == "utf8" => utf8(bytes),
        Some(name) => {
            let enc = encoding_rs::Encoding::for_label(name.as_bytes()).ok_or_else(|| {
                Error::new(ErrorKind::InvalidInput, format!("unknown encoding: {name}"))
            })?;
            if enc == encoding_rs::UTF_8 {
                return utf8(bytes);
            }
            with(enc, bytes)
        }
    }
}

fn utf8(bytes: &[u8]) -> Result<Decoded, Error> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Decoded {
            text: s.to_owned(),
            encoding: "UTF-8",
        }),
        Err(e) => Err(Error::new(
            ErrorKind::Decode,
            format!(
                "not valid UTF-8 at byte {} (try --encoding gb18030)",
                e.valid_up_to()
            ),
        )
        .at(Location::at_byte(e.valid_up_to()))),
    }
}

fn detect(bytes: &[u8]) -> Result<Decoded, Error> {
    if let Some((enc, _)) = encoding_rs::Encoding::for_bom(bytes) {
        if enc != encoding_rs::UTF_8 {
            return with(enc, bytes);
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Decoded {
            text: s.to_owned(),
            encoding: "UTF-8",
        }),
        Err(e) => {
            let at = e.valid_up_to();
            with(encoding_rs::GB18030, bytes).map_err(|_| {
                Error::new(
                    ErrorKind::Decode,
                    format!("not valid UTF-8 at byte {at}, and not GB18030 either"),
                )
                .at(Location::at_byte(at))
            })
        }
    }
}

fn with(enc: &'static encoding_rs::Encoding, bytes: &[u8]) -> Result<Decoded, Error> {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let bom = encoding_rs::Encoding::for_bom(bytes)
        .filter(|(e, _)| *e == enc)
        .map_or(0, |(_, n)| n);
    let input = &bytes[bom..];
    let cap = decoder
        .max_utf8_buffer_length_without_replacement(input.len())
        .unwrap_or(input.len() * 3 + 16);
    let mut out = String::with_capacity(cap);
    let mut read_total = 0;
    loop {
        let (res, read) =
            decoder.decode_to_string_without_replacement(&input[read_total..], &mut out, true);
        read_total += read;
        match res {
            encoding_rs::DecoderResult::InputEmpty => break,
            encoding_rs::DecoderResult::OutputFull => out.reserve(input.len() + 16),
            encoding_rs::DecoderResult::Malformed(bad, _) => {
                let at = bom + read_total.saturating_sub(bad as usize);
                return Err(Error::new(
                    ErrorKind::Decode,
                    format!("not valid {} at byte {at}", enc.name()),
                )
                .at(Location::at_byte(at)));
            }
        }
    }
    Ok(Decoded {
        text: out,
        encoding: enc.name(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_a_utf8_bom_as_a_character() {
        let d = decode(b"\xEF\xBB\xBF\xE4\xB8\x80", None).unwrap();
        assert_eq!(d.text, "\u{FEFF}一");
    }

    #[test]
    fn truncated_gb18030_is_an_error_with_a_byte_offset() {
        let e = decode(&[0xB9, 0xA4, 0xD7], Some("gb18030")).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Decode);
        assert_eq!(e.location().unwrap().byte, Some(2));
    }

    #[test]
    fn utf16_with_bom() {
        let d = decode(&[0xFF, 0xFE, 0x00, 0x4E], None).unwrap();
        assert_eq!(d.text, "一");
    }

    #[test]
    fn unknown_encoding_name() {
        assert_eq!(
            decode(b"x", Some("klingon")).unwrap_err().kind(),
            ErrorKind::InvalidInput
        );
    }
}
