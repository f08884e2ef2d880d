//! wasm-bindgen-test suite for the functions this crate exports to JavaScript, run in Node.js
//! by `wasm-bindgen-test-runner`:
//!
//! ```sh
//! CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//!     cargo test -p baogao-wasm --target wasm32-unknown-unknown
//! ```
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used)]

use baogao_wasm::{analyze_json, check_rubric, rubric_list, version};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

/// A small valid rubric.
const MINE: &str = "version = 1\nid = \"mine\"\nname = \"我的细则\"\ntotal = 10\n\
    [[roles]]\nid = \"plans\"\nheading = [\"下一步\", \"打算\"]\n\
    [[items]]\nid = \"plans\"\nkind = \"section_present\"\nrole = \"plans\"\n\
    points = 10\nmessage = \"缺少下一步打算\"\n";

fn prop(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn parse(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

#[wasm_bindgen_test]
fn analyze_json_gives_utf16_offsets() {
    let text = "😀工作总结\n一、主要成绩\n";
    let v = parse(&analyze_json(text, None, None).unwrap());
    assert_eq!(prop(&v, "schema").as_string().as_deref(), Some("baogao/1"));
    assert_eq!(prop(&v, "offsets").as_string().as_deref(), Some("utf16"));
    assert_eq!(
        prop(&v, "length").as_f64(),
        Some(text.encode_utf16().count() as f64)
    );
    let h = js_sys::Reflect::get_u32(&prop(&v, "headings"), 0).unwrap();
    assert_eq!(prop(&h, "start").as_f64(), Some(7.0));
    assert_eq!(prop(&h, "char_start").as_f64(), Some(6.0));
}

#[wasm_bindgen_test]
fn lone_surrogates_from_js_do_not_crash() {
    // A JS string with a lone surrogate, converted the way wasm-bindgen converts arguments.
    let js =
        js_sys::JsString::from_char_code(&[0xD800, 0x000A, 0x4E00, 0x3001, 0x6982, 0xDC00, 0x000A]);
    let text: String = js.into();
    // Each lone surrogate became U+FFFD: one UTF-16 code unit for one.
    assert_eq!(text.encode_utf16().count(), 7);
    assert!(text.starts_with('\u{FFFD}'));
    let v = parse(&analyze_json(&text, None, None).unwrap());
    assert_eq!(prop(&v, "length").as_f64(), Some(7.0));
    let h = js_sys::Reflect::get_u32(&prop(&v, "headings"), 0).unwrap();
    assert_eq!(prop(&h, "start").as_f64(), Some(2.0));
}

#[wasm_bindgen_test]
fn rubric_choice_by_name_and_source() {
    let text = "工作总结\n一、成绩\n";
    let none = parse(&analyze_json(text, Some("none".into()), None).unwrap());
    assert_eq!(js_sys::Array::from(&prop(&none, "checklist")).length(), 0);
    let mine = parse(&analyze_json(text, None, Some(MINE.into())).unwrap());
    let c = js_sys::Reflect::get_u32(&prop(&mine, "checklist"), 0).unwrap();
    assert_eq!(prop(&c, "id").as_string().as_deref(), Some("mine"));
}

#[wasm_bindgen_test]
fn errors_are_js_errors_with_kind_and_location() {
    let e = check_rubric(&MINE.replace("total = 10", "total = ")).unwrap_err();
    assert!(e.is_instance_of::<js_sys::Error>());
    assert_eq!(prop(&e, "kind").as_string().as_deref(), Some("rubric"));
    assert_eq!(prop(&e, "line").as_f64(), Some(4.0));
    assert!(prop(&e, "column").as_f64().is_some());
    let e = analyze_json("x", Some("no-such".into()), None).unwrap_err();
    assert_eq!(
        prop(&e, "kind").as_string().as_deref(),
        Some("invalid-input")
    );
    assert!(prop(&e, "line").is_null());
    let info = parse(&check_rubric(MINE).unwrap());
    assert_eq!(prop(&info, "id").as_string().as_deref(), Some("mine"));
}

#[wasm_bindgen_test]
fn names_and_version() {
    let list = js_sys::Array::from(&parse(&rubric_list()));
    assert!(list
        .iter()
        .any(|r| prop(&r, "id").as_string().as_deref() == Some("work-summary")));
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}
