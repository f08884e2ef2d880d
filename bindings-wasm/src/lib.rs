//! # baogao-wasm — WebAssembly bindings of baogao
//!
//! A thin [wasm-bindgen] layer over the `baogao` core: every piece of analysis happens in the
//! core; this crate only turns strings into a [`baogao::Report`] and the report into the
//! `baogao/1` JSON with **UTF-16 code-unit** offsets (JavaScript's string indices, so
//! `text.slice(s.start, s.end)` gives a span's text), keeping the character offsets beside them
//! as `char_start`/`char_end`.
//!
//! The functions exported to JavaScript are low-level (`analyzeJson`, `checkRubric`,
//! `rubricList`, `version`); the npm package wraps them in `analyze()`, `loadRubric()`,
//! `listRubrics()` and `version()` with TypeScript types and an `Error` subclass (see
//! `bindings-wasm/js/`). The same logic is available to Rust callers without JavaScript:
//!
//! ```
//! use baogao_wasm::{analyze_to_json, RubricSpec};
//! let text = "😀工作总结\n一、主要成绩\n";
//! let json = analyze_to_json(text, &RubricSpec::Auto).unwrap();
//! let v: serde_json::Value = serde_json::from_str(&json).unwrap();
//! assert_eq!(v["offsets"], "utf16");
//! // 😀 is two UTF-16 code units: the heading starts at code unit 7, character 6.
//! assert_eq!(v["headings"][0]["start"], 7);
//! assert_eq!(v["headings"][0]["char_start"], 6);
//! ```
//!
//! Lone surrogates in a JavaScript string are replaced by U+FFFD when the string enters
//! WebAssembly; both are one UTF-16 code unit, so offsets still index the caller's string.
//!
//! [wasm-bindgen]: https://docs.rs/wasm-bindgen
#![deny(missing_docs)]

use baogao::json::OffsetUnit;
use baogao::{Error, ErrorKind, Options, Rubric};
use wasm_bindgen::prelude::*;

/// Which rubric to score against, as the JavaScript options give it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RubricSpec {
    /// Let the core choose a built-in rubric per document (the default).
    Auto,
    /// No checklist.
    None,
    /// A built-in rubric by name.
    Builtin(String),
    /// A rubric given as TOML source (from `loadRubric`).
    Toml(String),
}

impl RubricSpec {
    /// The spec from the two optional arguments of `analyzeJson`: a name (`auto`, `none` or a
    /// built-in) and a TOML source, which wins when both are given.
    ///
    /// ```
    /// use baogao_wasm::RubricSpec;
    /// assert_eq!(RubricSpec::from_args(None, None), RubricSpec::Auto);
    /// assert_eq!(RubricSpec::from_args(Some("none".into()), None), RubricSpec::None);
    /// assert_eq!(
    ///     RubricSpec::from_args(Some("gov-report".into()), None),
    ///     RubricSpec::Builtin("gov-report".into())
    /// );
    /// ```
    pub fn from_args(name: Option<String>, toml: Option<String>) -> RubricSpec {
        match (name, toml) {
            (_, Some(src)) => RubricSpec::Toml(src),
            (None, None) => RubricSpec::Auto,
            (Some(n), None) => match n.as_str() {
                "" | "auto" => RubricSpec::Auto,
                "none" => RubricSpec::None,
                _ => RubricSpec::Builtin(n),
            },
        }
    }

    /// The core options for this spec; an unknown built-in name or a bad TOML source is an
    /// error.
    ///
    /// ```
    /// use baogao_wasm::RubricSpec;
    /// assert!(RubricSpec::Builtin("work-summary".into()).options().is_ok());
    /// assert!(RubricSpec::Builtin("nope".into()).options().is_err());
    /// ```
    pub fn options(&self) -> Result<Options, Error> {
        Ok(match self {
            RubricSpec::Auto => Options::new(),
            RubricSpec::None => Options::new().no_rubric(),
            RubricSpec::Builtin(name) => match Rubric::builtin(name) {
                Some(r) => Options::new().rubric(r),
                None => {
                    return Err(Error::new(
                        ErrorKind::InvalidInput,
                        format!(
                            "unknown rubric {name:?}: the built-in rubrics are {}",
                            baogao::rubric::builtin_names().join(", ")
                        ),
                    ))
                }
            },
            RubricSpec::Toml(src) => Options::new().rubric(Rubric::from_toml(src, None)?),
        })
    }
}

/// Analyses `text` and returns the compact `baogao/1` JSON with UTF-16 `start`/`end` offsets
/// (and character offsets as `char_start`/`char_end`).
///
/// ```
/// let json = baogao_wasm::analyze_to_json("一、概况\n", &baogao_wasm::RubricSpec::None).unwrap();
/// assert!(json.starts_with("{\"schema\":\"baogao/1\",\"offsets\":\"utf16\""));
/// ```
pub fn analyze_to_json(text: &str, rubric: &RubricSpec) -> Result<String, Error> {
    let options = rubric.options()?;
    let report = baogao::analyze_with(text, &options);
    Ok(report.to_json_with(text, OffsetUnit::Utf16, false))
}

/// The kebab-case name of an error kind, as JavaScript sees it in `error.kind`.
///
/// ```
/// assert_eq!(baogao_wasm::kind_name(baogao::ErrorKind::Rubric), "rubric");
/// ```
pub fn kind_name(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::Rubric => "rubric",
        ErrorKind::Decode => "decode",
        ErrorKind::InvalidInput => "invalid-input",
        _ => "other",
    }
}

/// A JavaScript `Error` carrying the core error's `kind`, bare `detail` message, and (when
/// known) 1-based `line` and `column`; the package's wrapper turns it into a `RubricError` or
/// `BaogaoError`.
fn js_error(e: &Error) -> JsValue {
    let err = js_sys::Error::new(&e.to_string());
    let set = |k: &str, v: JsValue| {
        // Setting a property on a fresh Error object cannot fail; ignore the Result anyway.
        let _ = js_sys::Reflect::set(&err, &JsValue::from_str(k), &v);
    };
    set("kind", JsValue::from_str(kind_name(e.kind())));
    set("detail", JsValue::from_str(e.message()));
    let loc = e.location();
    let num = |v: Option<usize>| v.map_or(JsValue::NULL, |n| JsValue::from_f64(n as f64));
    set("line", num(loc.and_then(|l| l.line)));
    set("column", num(loc.and_then(|l| l.column)));
    err.into()
}

/// Analyses `text`; returns the `baogao/1` JSON text with UTF-16 offsets. `rubric` is `auto`
/// (default), `none` or a built-in name; `rubricToml` a rubric source, which wins.
///
/// Throws an `Error` with `kind`, `line` and `column` properties for an unknown rubric name or a
/// bad rubric source.
#[wasm_bindgen(js_name = analyzeJson)]
pub fn analyze_json(
    text: &str,
    rubric: Option<String>,
    #[wasm_bindgen(js_name = rubricToml)] rubric_toml: Option<String>,
) -> Result<String, JsValue> {
    analyze_to_json(text, &RubricSpec::from_args(rubric, rubric_toml)).map_err(|e| js_error(&e))
}

/// A rubric's id, name and description as a JSON object.
///
/// ```
/// let r = baogao::Rubric::builtin("work-summary").unwrap();
/// let v: serde_json::Value = serde_json::from_str(&baogao_wasm::rubric_info(&r)).unwrap();
/// assert_eq!(v["id"], "work-summary");
/// assert!(v["name"].is_string());
/// ```
pub fn rubric_info(r: &Rubric) -> String {
    serde_json::json!({ "id": r.id, "name": r.name(), "description": r.description() }).to_string()
}

/// Parses and validates a rubric's TOML source; returns `{id, name, description}` as JSON.
/// Throws an `Error` with `kind` `"rubric"` and 1-based `line`/`column` when the source is bad.
#[wasm_bindgen(js_name = checkRubric)]
pub fn check_rubric(toml: &str) -> Result<String, JsValue> {
    Rubric::from_toml(toml, None)
        .map(|r| rubric_info(&r))
        .map_err(|e| js_error(&e))
}

/// The built-in rubrics as a JSON array of `{id, name, description}`.
#[wasm_bindgen(js_name = rubricList)]
pub fn rubric_list() -> String {
    let list: Vec<String> = baogao::rubric::builtin_names()
        .iter()
        .filter_map(|n| Rubric::builtin(n))
        .map(|r| rubric_info(&r))
        .collect();
    format!("[{}]", list.join(","))
}

/// The version of baogao compiled into this module.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    /// A small valid rubric.
    pub(crate) const MINE: &str = "version = 1\nid = \"mine\"\nname = \"我的细则\"\ntotal = 10\n\
        [[roles]]\nid = \"plans\"\nheading = [\"下一步\", \"打算\"]\n\
        [[items]]\nid = \"plans\"\nkind = \"section_present\"\nrole = \"plans\"\n\
        points = 10\nmessage = \"缺少下一步打算\"\n";

    fn parse(json: &str) -> serde_json::Value {
        serde_json::from_str(json).unwrap_or(serde_json::Value::Null)
    }

    #[test]
    fn utf16_offsets_count_astral_characters_twice() {
        let text = "𠀀年工作总结\n一、主要成绩\n";
        let v = parse(&analyze_to_json(text, &RubricSpec::Auto).unwrap_or_default());
        assert_eq!(v["schema"], "baogao/1");
        assert_eq!(v["length"], text.encode_utf16().count());
        let h = &v["headings"][0];
        let utf16: Vec<u16> = text.encode_utf16().collect();
        let start = h["start"].as_u64().unwrap_or(0) as usize;
        assert_eq!(String::from_utf16_lossy(&utf16[start..start + 2]), "一、");
        assert_eq!(h["char_start"].as_u64(), Some(start as u64 - 1));
    }

    #[test]
    fn rubric_choice() {
        let text = "工作总结\n一、成绩\n";
        let none = parse(&analyze_to_json(text, &RubricSpec::None).unwrap_or_default());
        assert_eq!(none["checklist"].as_array().map(Vec::len), Some(0));
        let gov = RubricSpec::Builtin("gov-report".into());
        let v = parse(&analyze_to_json(text, &gov).unwrap_or_default());
        assert_eq!(v["checklist"][0]["id"], "gov-report");
        let toml = RubricSpec::Toml(MINE.into());
        let v = parse(&analyze_to_json(text, &toml).unwrap_or_default());
        assert_eq!(v["checklist"][0]["id"], "mine");
    }

    #[test]
    fn errors_have_kind_and_location() {
        let e = RubricSpec::Builtin("nope".into()).options().err();
        assert_eq!(e.map(|e| e.kind()), Some(ErrorKind::InvalidInput));
        let e = RubricSpec::Toml("id = \n".into()).options().err();
        let e = e.expect("a bad rubric is an error");
        assert_eq!(kind_name(e.kind()), "rubric");
        assert_eq!(e.location().and_then(|l| l.line), Some(1));
    }

    #[test]
    fn rubric_list_matches_the_core() {
        let v = parse(&rubric_list());
        let list = v.as_array().cloned().unwrap_or_default();
        assert_eq!(list.len(), baogao::rubric::builtin_names().len());
        assert!(list.iter().all(|r| r["name"].is_string()));
        assert!(!version().is_empty());
    }
}
