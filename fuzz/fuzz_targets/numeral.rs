//! The numeral parser on arbitrary strings: never panics, values are finite.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|s: &str| {
    if let Some(n) = baogao::numeral::parse(s) {
        assert!(!n.value.is_nan());
    }
});
