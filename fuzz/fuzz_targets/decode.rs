//! The CLI's decoding of arbitrary bytes (auto-detection and forced encodings): text or a
//! located error, never a panic; decoded text analyses cleanly.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    for enc in [None, Some("utf-8"), Some("gb18030"), Some("gbk")] {
        match baogao::decode::decode(bytes, enc) {
            Ok(d) => {
                let _ = baogao::analyze(&d.text);
            }
            Err(e) => {
                assert!(e.location().and_then(|l| l.byte).is_some_and(|b| b <= bytes.len()));
            }
        }
    }
});
